package io.karst.broker.internal.metrics;

import io.karst.protocol.ApiKeys;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Kafka's {@code kafka.network:type=RequestMetrics} per API: {@code name=RequestsPerSec} (a meter)
 * and {@code name=TotalTimeMs} (from the frame's arrival to the encoded answer), tagged
 * {@code request=<Kafka's API name>}, e.g. {@code request=Produce}.
 */
public final class RequestMetrics {
    private static final String PREFIX = "kafka.network:type=RequestMetrics,name=";

    private final Map<ApiKeys, Meter> requests = new EnumMap<>(ApiKeys.class);
    private final Map<ApiKeys, Timer> totalTime = new EnumMap<>(ApiKeys.class);

    RequestMetrics(JmxRegistry jmx) {
        for (ApiKeys api : ApiKeys.values()) {
            Meter meter = new Meter("requests");
            Timer timer = new Timer();
            requests.put(api, meter);
            totalTime.put(api, timer);
            jmx.register(PREFIX + "RequestsPerSec,request=" + kafkaName(api), meter);
            jmx.register(PREFIX + "TotalTimeMs,request=" + kafkaName(api), timer);
        }
    }

    /** One request of {@code api} answered {@code nanos} after it arrived. */
    public void completed(ApiKeys api, long nanos) {
        requests.get(api).mark(1);
        totalTime.get(api).record(nanos);
    }

    /** Kafka's name of an API: {@code LIST_OFFSETS} is {@code ListOffsets}. */
    static String kafkaName(ApiKeys api) {
        StringBuilder name = new StringBuilder();
        for (String word : api.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    void tick() {
        requests.values().forEach(Meter::tick);
    }
}
