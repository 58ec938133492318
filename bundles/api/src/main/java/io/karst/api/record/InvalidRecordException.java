package io.karst.api.record;

import io.karst.api.Errors;
import io.karst.api.KarstException;

import java.util.List;

/**
 * INVALID_RECORD for a batch because of some of its records, each named with the reason, so that a
 * producer learns which record it was (KIP-467). The message sums them up.
 */
public final class InvalidRecordException extends KarstException {
    private static final long serialVersionUID = 1L;
    /** How many record errors the summary message lists, as Kafka's broker does. */
    private static final int LISTED = 3;

    private final transient List<RecordError> recordErrors;

    public InvalidRecordException(List<RecordError> recordErrors) {
        super(Errors.INVALID_RECORD, summary(recordErrors));
        this.recordErrors = List.copyOf(recordErrors);
    }

    /** The refused records, in batch order; never empty. */
    public List<RecordError> recordErrors() {
        return recordErrors;
    }

    private static String summary(List<RecordError> errors) {
        return "One or more records have been rejected due to " + errors.size() + " record errors in total, and only"
                + " showing the first three errors at most: " + errors.subList(0, Math.min(LISTED, errors.size()));
    }
}
