/**
 * The Kafka wire protocol, data-driven: each message is declared once as a {@link io.karst.protocol.Schema}
 * of versioned fields, from which reading, writing and sizing follow for every version, flexible
 * (compact types, tagged fields) or not.
 */
@Export
@Version("1.0.0")
package io.karst.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
