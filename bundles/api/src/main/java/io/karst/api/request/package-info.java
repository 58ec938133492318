/** The request-handling service that network transports call with whole Kafka frames. */
@Export
@Version("1.0.0")
package io.karst.api.request;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
