package io.karst.broker.internal;

import io.karst.api.codec.Codec;
import io.karst.api.codec.CompressionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The codecs the broker can use right now. Codec bundles come and go while the broker runs (the OSGi
 * component adds and removes their services as they register and unregister); a produce that needs
 * a missing codec is answered UNSUPPORTED_COMPRESSION_TYPE. When two codecs share an id, the one
 * added last serves. Thread-safe.
 */
final class CodecRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(CodecRegistry.class);

    private final List<Codec> codecs = new CopyOnWriteArrayList<>();

    /** A registry holding {@code initial}, for a broker wired in plain Java. */
    public CodecRegistry(List<? extends Codec> initial) {
        codecs.addAll(initial);
    }

    public void add(Codec codec) {
        codecs.add(codec);
        LOG.info("Codec {} available ({})", codec.name(), codec.library());
    }

    public void remove(Codec codec) {
        if (codecs.remove(codec)) {
            LOG.info("Codec {} removed", codec.name());
        }
    }

    /** The codec for {@code type}, if one is installed; never for {@link CompressionType#NONE}. */
    public Optional<Codec> find(CompressionType type) {
        Codec found = null;
        for (Codec codec : codecs) { // a snapshot: safe while codecs come and go
            if (codec.id() == type.id()) {
                found = codec;
            }
        }
        return Optional.ofNullable(found);
    }
}
