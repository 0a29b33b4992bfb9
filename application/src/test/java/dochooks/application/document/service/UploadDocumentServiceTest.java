package dochooks.application.document.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.document.port.in.UploadDocumentUseCase.UploadDocumentCommand;
import dochooks.application.document.port.out.ProviderCredential;
import dochooks.application.document.port.out.UploadTarget;
import dochooks.application.document.testing.DocumentWorld;
import dochooks.application.document.testing.FakeDocumentProvider;
import dochooks.application.document.testing.Items;
import dochooks.application.document.testing.MemoryReadStream;
import dochooks.application.error.ProviderErrorException;
import dochooks.application.error.ProviderForbiddenException;
import dochooks.application.testing.Futures;
import dochooks.domain.document.Item;
import dochooks.domain.document.ProviderEndpoint;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.integration.Integration;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class UploadDocumentServiceTest {
    private final DocumentWorld world = new DocumentWorld();
    private final MemoryReadStream body = new MemoryReadStream("hello ", "wor", "ld");

    private UploadDocumentCommand command(Integration integration) {
        return new UploadDocumentCommand(integration.id(), "hello.txt", "folder-7", "doc-9", "version-2", body, 11L);
    }

    @Test
    void theBodyWaitsUntilUploadInitCreatedTheFileThenFlowsWholeToThatFile() {
        Integration integration = world.apiKey();
        Item created = Items.file("file-42", "hello.txt");
        AtomicBoolean pausedDuringInit = new AtomicBoolean();
        world.provider.answer(ProviderEndpoint.UPLOAD_INIT, call -> {
            pausedDuringInit.set(body.paused() && body.delivered() == 0);
            return Future.succeededFuture(created);
        });

        Item answered = Futures.succeeded(world.upload.upload(world.user, command(integration)));

        assertSame(created, answered, "the item is the one uploadInit described");
        assertTrue(pausedDuringInit.get(), "no byte may flow before uploadInit answered");
        assertEquals(List.of(ProviderEndpoint.UPLOAD_INIT, ProviderEndpoint.UPLOAD), world.provider.endpointsCalled());
        FakeDocumentProvider.Call upload = world.provider.calls(ProviderEndpoint.UPLOAD).get(0);
        assertEquals(new ProviderItemId("file-42"), upload.argument(0));
        assertSame(body, upload.argument(1));
        assertEquals(11L, upload.argument(2));
        assertEquals("hello world", world.provider.uploadedText());
    }

    @Test
    void uploadInitGetsTheFolderTheNameAndDochooksIds() {
        Integration integration = world.apiKey();
        Futures.succeeded(world.upload.upload(world.user, command(integration)));

        UploadTarget target = (UploadTarget) world.provider.calls(ProviderEndpoint.UPLOAD_INIT).get(0).argument(0);
        assertEquals(new UploadTarget(new ProviderItemId("folder-7"), "hello.txt", "doc-9", "version-2"), target);
    }

    @Test
    void whenUploadInitFailsNothingIsUploadedAndNoByteIsRead() {
        Integration integration = world.apiKey();
        world.provider.failWith(ProviderEndpoint.UPLOAD_INIT, new ProviderErrorException(409, "name taken"));

        ProviderErrorException failure = Futures.failed(world.upload.upload(world.user, command(integration)),
                ProviderErrorException.class);

        assertEquals(409, failure.providerStatus());
        assertEquals(List.of(ProviderEndpoint.UPLOAD_INIT), world.provider.endpointsCalled());
        assertTrue(body.paused());
        assertEquals(0, body.delivered());
    }

    @Test
    void aFailedUploadIsNoSuccessEvenThoughTheFileRecordExists() {
        Integration integration = world.apiKey();
        world.provider.failWith(ProviderEndpoint.UPLOAD, new ProviderErrorException(200, null));

        Futures.failed(world.upload.upload(world.user, command(integration)), ProviderErrorException.class);
    }

    @Test
    void anOAuth2RefusalRetriesUploadInitAndTheBytesGoWithTheTokenThatWorked() {
        Integration integration = world.oauth2();
        world.tokens.connect(world.user, integration, "old-token");
        world.tokens.refreshIssues("new-token");
        world.provider.answer(ProviderEndpoint.UPLOAD_INIT, call -> "old-token".equals(call.bearerToken())
                ? Future.failedFuture(new ProviderForbiddenException(403))
                : world.provider.byDefault(call));

        Futures.succeeded(world.upload.upload(world.user, command(integration)));

        assertEquals(List.of("UPLOAD_INIT old-token", "UPLOAD_INIT new-token", "UPLOAD new-token"),
                world.provider.calls().stream().map(c -> c.endpoint() + " " + c.bearerToken()).toList());
        assertEquals("hello world", world.provider.uploadedText());
    }

    @Test
    void aRefusedUploadIsFinalSinceItsBytesCannotBeSentTwice() {
        Integration integration = world.oauth2();
        world.tokens.connect(world.user, integration, "token");
        world.tokens.refreshIssues("new-token");
        world.provider.failWith(ProviderEndpoint.UPLOAD, new ProviderForbiddenException(403));

        Futures.failed(world.upload.upload(world.user, command(integration)), ProviderForbiddenException.class);

        assertEquals(1, world.provider.calls(ProviderEndpoint.UPLOAD).size());
        assertTrue(world.tokens.refreshedFrom().isEmpty());
    }

    @Test
    void anApiKeyUploadSendsTheCallersUsernameOnBothSteps() {
        Integration integration = world.apiKey();
        Futures.succeeded(world.upload.upload(world.admin, command(integration)));

        for (FakeDocumentProvider.Call call : world.provider.calls()) {
            assertEquals("admin.one", ((ProviderCredential.ApiKey) call.call().credential()).username());
        }
        assertFalse(world.provider.calls().isEmpty());
    }
}
