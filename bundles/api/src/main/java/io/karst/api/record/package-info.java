/** Kafka RecordBatch v2 as bytes: a view that reads and rewrites a batch in place. */
@Export
@Version("1.1.0")
package io.karst.api.record;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
