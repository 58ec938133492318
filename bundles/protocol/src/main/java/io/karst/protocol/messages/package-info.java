/**
 * The schema of every message Karst serves, one class per API, with field names as in Kafka's
 * protocol guide. The versions advertised for each API live in {@link io.karst.protocol.ApiKeys}.
 */
@Export
@Version("1.0.0")
package io.karst.protocol.messages;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
