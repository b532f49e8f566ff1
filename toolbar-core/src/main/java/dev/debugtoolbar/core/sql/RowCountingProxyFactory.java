package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.internal.Guard;
import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import net.ttddyy.dsproxy.proxy.jdk.JdkJdbcProxyFactory;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.util.function.Supplier;

/**
 * Datasource-proxy's JDK proxy factory, except for result sets: inside a recorded request a result set
 * is wrapped in a thin proxy that counts the rows {@code next()} moves to, for the statement that made
 * it; outside one the driver's result set is returned as it is. The proxy calls the driver directly, with
 * no listener and no context object per call. Never throws into the application: where the proxy cannot be
 * made, the driver's result set is returned.
 */
final class RowCountingProxyFactory extends JdkJdbcProxyFactory {

    private static final Class<?>[] INTERFACES = {ProxyJdbcObject.class, ResultSet.class};
    private static final Constructor<?> COUNTING_PROXY = countingProxy();

    private final Supplier<RequestContext> current;

    RowCountingProxyFactory(Supplier<RequestContext> current) {
        this.current = current;
    }

    @Override
    public ResultSet createResultSet(ResultSet resultSet, ConnectionInfo connectionInfo, ProxyConfig proxyConfig) {
        RequestContext context = current.get();
        if (context == null) {
            return resultSet;
        }
        return Guard.call(() -> counting(context, resultSet, connectionInfo, proxyConfig), failure -> resultSet,
                "could not count the rows of a result set");
    }

    /** {@code resultSet} behind a proxy that counts its rows for the statement that made it, or as it is. */
    private static ResultSet counting(RequestContext context, ResultSet resultSet, ConnectionInfo connectionInfo,
                                      ProxyConfig proxyConfig) throws ReflectiveOperationException {
        ConnectionState connection = context.sql().connection(connectionInfo.getConnectionId());
        RowCount count;
        if (connection.executing) { // executeQuery(): the statement is recorded right after, with this count
            if (connection.pendingRows == null) {
                connection.pendingRows = new RowCount();
            }
            count = connection.pendingRows;
        } else if (connection.last != null && connection.last.rowsRead != null) { // getResultSet() after execute()
            count = connection.last.rowsRead;
        } else {
            return resultSet;
        }
        return (ResultSet) COUNTING_PROXY.newInstance(new Counting(resultSet, count, proxyConfig));
    }

    /** The proxy class's constructor, found once: {@link Proxy#newProxyInstance} looks the class up on every call. */
    private static Constructor<?> countingProxy() {
        try {
            InvocationHandler none = (proxy, method, args) -> null;
            return Proxy.newProxyInstance(ProxyJdbcObject.class.getClassLoader(), INTERFACES, none).getClass()
                    .getConstructor(InvocationHandler.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a proxy class has no InvocationHandler constructor", e);
        }
    }

    /** Passes every call to the driver's result set and counts the rows {@code next()} reaches. */
    private static final class Counting implements InvocationHandler {
        private final ResultSet target;
        private final RowCount count;
        private final ProxyConfig proxyConfig;

        Counting(ResultSet target, RowCount count, ProxyConfig proxyConfig) {
            this.target = target;
            this.count = count;
            this.proxyConfig = proxyConfig;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Class<?> owner = method.getDeclaringClass();
            if (owner == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "ResultSet [" + target + "]";
                };
            }
            if (owner == ProxyJdbcObject.class) {
                return method.getName().equals("getTarget") ? target : proxyConfig;
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (Boolean.TRUE.equals(result) && method.getName().equals("next")) {
                count.rows++;
            }
            return result;
        }
    }
}
