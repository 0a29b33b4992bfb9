package dochooks.application.document.port.in;

import dochooks.application.Caller;
import dochooks.application.document.port.out.UploadTarget;
import dochooks.domain.document.Item;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.validation.Violations;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.Objects;

/**
 * Any user sends a file to a provider through an integration ({@code POST upload}): {@code /uploadInit}
 * creates the file record, then {@code /upload} receives the caller's bytes, streamed.
 */
public interface UploadDocumentUseCase {

    /**
     * @param filename          the new file's name; required, 1–255 characters, no control characters
     * @param parentId          the folder; null means the root folder {@code /}
     * @param documentId        dochooks' document id, sent to the provider when not null; 1–255 characters
     * @param documentVersionId dochooks' document-version id, sent when not null; 1–255 characters
     * @param content           the caller's bytes (the request body); the use case pauses it until the provider
     *                          is ready to take it
     * @param length            the number of bytes when known (the request's {@code Content-Length}), else null
     */
    record UploadDocumentCommand(IntegrationId integrationId, String filename, String parentId, String documentId,
            String documentVersionId, ReadStream<Buffer> content, Long length) {
        public UploadDocumentCommand {
            Objects.requireNonNull(integrationId, "integrationId");
            Objects.requireNonNull(content, "content");
            if (length != null && length < 0) {
                throw new IllegalArgumentException("a content length cannot be negative, was " + length);
            }
            parentId = QueryRules.parentOrRoot(parentId);
            Violations violations = new Violations();
            QueryRules.text(violations, "filename", filename, QueryRules.MAX_NAME_LENGTH);
            QueryRules.itemId(violations, "parentId", parentId);
            QueryRules.optionalText(violations, "documentId", documentId, QueryRules.MAX_DOCUMENT_ID_LENGTH);
            QueryRules.optionalText(violations, "documentVersionId", documentVersionId,
                    QueryRules.MAX_DOCUMENT_ID_LENGTH);
            violations.throwIfAny();
        }

        /** Where the file goes, as {@code /uploadInit} takes it. */
        public UploadTarget target() {
            return new UploadTarget(new ProviderItemId(parentId), filename, documentId, documentVersionId);
        }
    }

    /**
     * The new file's item as {@code /uploadInit} described it, once {@code /upload} answered
     * {@code {"result":"success"}}. When {@code /uploadInit} fails, nothing of the content is read and the
     * stream stays paused. Failures as in the package documentation; a content stream that fails midway (the
     * client went away) fails the Future with the stream's own failure, and the provider request is reset.
     */
    Future<Item> upload(Caller caller, UploadDocumentCommand command);
}
