package io.karst.api.coordination;

import java.util.List;

/** A live broker as the coordinator knows it. */
public record BrokerRegistration(int brokerId, List<Endpoint> endpoints, String rack) {
    public BrokerRegistration {
        endpoints = List.copyOf(endpoints);
    }
}
