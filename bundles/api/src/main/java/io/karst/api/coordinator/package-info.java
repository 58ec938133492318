/**
 * What the broker gives the coordinators that keep their state in internal compacted topics (the
 * group coordinator's {@code __consumer_offsets}, later {@code __transaction_state}): appends and
 * reads through the broker's one append path, and word of which partitions this broker leads.
 */
@Export
@Version("1.0.0")
package io.karst.api.coordinator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
