package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.record.InvalidRecordException;
import io.karst.api.record.RecordError;

import java.util.List;

/**
 * What became of one batch written to a partition: where it was stored, or why it was not.
 *
 * @param error          NONE when stored (or found already stored, for a resent idempotent batch)
 * @param message        why it was refused; null when stored
 * @param recordErrors   the records that made it be refused (KIP-467); empty when none is to blame
 * @param baseOffset     the offset of its first record; -1 when refused
 * @param lastOffset     the offset of its last record; -1 when refused
 * @param logAppendTime  the broker's time stamp for LogAppendTime topics, else -1
 * @param logStartOffset the partition's log start offset after the append; -1 when refused
 */
public record AppendOutcome(Errors error, String message, List<RecordError> recordErrors, long baseOffset,
                            long lastOffset, long logAppendTime, long logStartOffset) {

    static AppendOutcome appended(long baseOffset, long lastOffset, long logAppendTime, long logStartOffset) {
        return new AppendOutcome(Errors.NONE, null, List.of(), baseOffset, lastOffset, logAppendTime, logStartOffset);
    }

    static AppendOutcome failed(Errors error, String message) {
        return new AppendOutcome(error, message, List.of(), -1, -1, -1, -1);
    }

    static AppendOutcome failed(KarstException e) {
        List<RecordError> records = e instanceof InvalidRecordException invalid ? invalid.recordErrors() : List.of();
        return new AppendOutcome(e.error(), e.getMessage(), records, -1, -1, -1, -1);
    }

    public boolean succeeded() {
        return error == Errors.NONE;
    }
}
