-- Every dochooks process keeps the integrations it serves in memory and LISTENs on dochooks_integrations; this
-- trigger tells all of them when a row changes or goes, whoever wrote it (dochooks, psql, a migration, a restore
-- script). pg_notify inside the writing transaction is delivered at commit, and not at all on rollback.
-- Payload: the row's old key, tenant_id || ':' || id (the id, a UUID, has no ':', so the last ':' splits it), or
-- '*' for "everything" (TRUNCATE). Under 8000 bytes: a tenant id is at most 255 characters.
-- Inserts are not told, nor the new key of an update that moves a row: the cache keeps only integrations that
-- exist (never "no such id"), so nothing kept can be under a key that did not exist. A cache that kept misses would
-- need AFTER INSERT, and NEW's key, here too.

CREATE FUNCTION integrations_notify_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('dochooks_integrations', '*');
    ELSE
        PERFORM pg_notify('dochooks_integrations', OLD.tenant_id || ':' || OLD.id::text);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER integrations_notify_row_change
    AFTER UPDATE OR DELETE ON integrations
    FOR EACH ROW EXECUTE FUNCTION integrations_notify_change();

CREATE TRIGGER integrations_notify_truncate
    AFTER TRUNCATE ON integrations
    FOR EACH STATEMENT EXECUTE FUNCTION integrations_notify_change();
