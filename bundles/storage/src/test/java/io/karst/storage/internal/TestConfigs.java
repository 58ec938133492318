package io.karst.storage.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Component configurations as SCR would hand them over, built without a container. */
final class TestConfigs {
    private TestConfigs() {
    }

    /**
     * A configuration answering each method with {@code values} (by method name) or else its declared
     * default; a value that is a {@link RuntimeException} is thrown, as SCR does for a value it cannot convert.
     */
    static LogStoreComponent.Config storageConfig(Map<String, Object> values) {
        return (LogStoreComponent.Config) Proxy.newProxyInstance(TestConfigs.class.getClassLoader(),
                new Class<?>[] {LogStoreComponent.Config.class}, (proxy, method, args) -> {
                    Object value = values.getOrDefault(method.getName(), method.getDefaultValue());
                    if (value instanceof RuntimeException e) {
                        throw e;
                    }
                    return value;
                });
    }
}
