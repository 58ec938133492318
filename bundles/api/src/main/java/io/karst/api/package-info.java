/** Value types shared by every Karst bundle. */
@Export
@Version("1.0.0")
package io.karst.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
