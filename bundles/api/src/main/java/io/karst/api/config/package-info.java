/** Reading Kafka-keyed settings from Config Admin properties or a plain map, shared by the components. */
@Export
@Version("1.0.0")
package io.karst.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
