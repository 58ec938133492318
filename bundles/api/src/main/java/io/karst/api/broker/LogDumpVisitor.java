package io.karst.api.broker;

import io.karst.api.record.LogRecord;
import io.karst.api.record.RecordBatch;

import java.nio.file.Path;
import java.util.List;

/** Receives a log dump as it is read: each segment file, then each of its batches. */
public interface LogDumpVisitor {

    /** A segment file begins. */
    void segment(Path file, long baseOffset, long sizeInBytes);

    /**
     * One batch of the segment.
     *
     * @param position the batch's byte position in the file
     * @param batch    the batch (header and records as stored)
     * @param records  its records decoded, or null when they could not be
     * @param undecoded why its records could not be decoded (a codec that is not installed, records that are
     *                 not a valid stream of their codec or break the record format); null when they were
     */
    void batch(long position, RecordBatch batch, List<LogRecord> records, String undecoded);
}
