/** The log store service: partitions as append-only segmented logs. */
@Export
@Version("1.0.0")
package io.karst.api.log;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
