/** The group coordinator as a service: membership, committed offsets and what groups look like from outside. */
@Export
@Version("1.0.0")
package io.karst.api.group;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
