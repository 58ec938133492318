package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.broker.internal.ProducerIdManager;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.karst.protocol.messages.InitProducerIdMessage.ERROR_CODE;
import static io.karst.protocol.messages.InitProducerIdMessage.REQUEST_PRODUCER_EPOCH;
import static io.karst.protocol.messages.InitProducerIdMessage.REQUEST_PRODUCER_ID;
import static io.karst.protocol.messages.InitProducerIdMessage.RESPONSE_PRODUCER_EPOCH;
import static io.karst.protocol.messages.InitProducerIdMessage.RESPONSE_PRODUCER_ID;
import static io.karst.protocol.messages.InitProducerIdMessage.TRANSACTIONAL_ID;

/**
 * InitProducerId for idempotent producers: a fresh producer id at epoch 0, or (v3+, KIP-360) the
 * producer's own id with its epoch bumped. Transactional ids are not served yet.
 */
public final class InitProducerIdHandler implements ApiHandler {
    private final ProducerIdManager ids;

    public InitProducerIdHandler(ProducerIdManager ids) {
        this.ids = ids;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.INIT_PRODUCER_ID;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct body = request.body();
        Struct response = Protocol.newResponse(ApiKeys.INIT_PRODUCER_ID, request.version());
        if (body.get(TRANSACTIONAL_ID) != null) {
            response.set(ERROR_CODE, Errors.INVALID_REQUEST.code());
            return CompletableFuture.completedFuture(response);
        }
        long producerId = body.getLong(REQUEST_PRODUCER_ID);
        short epoch = body.getShort(REQUEST_PRODUCER_EPOCH);
        if (producerId >= 0 && epoch >= 0 && epoch < Short.MAX_VALUE - 1) {
            response.set(RESPONSE_PRODUCER_ID, producerId).set(RESPONSE_PRODUCER_EPOCH, (short) (epoch + 1));
        } else {
            try {
                response.set(RESPONSE_PRODUCER_ID, ids.nextProducerId()).set(RESPONSE_PRODUCER_EPOCH, (short) 0);
            } catch (KarstException e) {
                // no coordinator to reserve ids from right now: the producer retries
                response.set(ERROR_CODE, Errors.COORDINATOR_NOT_AVAILABLE.code());
            }
        }
        return CompletableFuture.completedFuture(response);
    }
}
