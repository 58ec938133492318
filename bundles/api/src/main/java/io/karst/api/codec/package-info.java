/** The compression codec service (gzip, snappy, lz4, zstd) and what codecs share. */
@Export
@Version("1.1.0")
package io.karst.api.codec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
