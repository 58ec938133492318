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
     * @param records  its records decoded, or null when they could not be (a compressed batch whose codec is
     *                 not installed)
     */
    void batch(long position, RecordBatch batch, List<LogRecord> records);
}
