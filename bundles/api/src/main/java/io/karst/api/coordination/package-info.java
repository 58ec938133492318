/** The coordinator service: broker registry, topics and partition state. */
@Export
@Version("1.0.0")
package io.karst.api.coordination;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
