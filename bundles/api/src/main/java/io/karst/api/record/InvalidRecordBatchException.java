package io.karst.api.record;

import io.karst.api.Errors;
import io.karst.api.KarstException;

/** Bytes that do not form well-made record batches; clients get CORRUPT_MESSAGE. */
public class InvalidRecordBatchException extends KarstException {
    private static final long serialVersionUID = 1L;

    public InvalidRecordBatchException(String message) {
        super(Errors.CORRUPT_MESSAGE, message);
    }
}
