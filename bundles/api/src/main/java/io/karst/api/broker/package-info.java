/** What a running broker tells about itself (console commands read it). */
@Export
@Version("1.0.0")
package io.karst.api.broker;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
