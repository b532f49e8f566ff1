package dev.debugtoolbar.ui;

import java.beans.IntrospectionException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlContext;
import ognl.OgnlException;
import ognl.OgnlRuntime;
import ognl.PropertyAccessor;

/**
 * Reads the properties of the toolbar's own records in templates ({@code q.sql}) with the method OGNL itself
 * would choose, remembered per class and name. OGNL caches JavaBean getters only: a record's accessor
 * ({@code sql()}) is looked up again on every read, through a copy of all the class's public methods, which
 * made a SQL panel of 100 rows allocate tens of megabytes. Other records, and everything else, are left to
 * OGNL's own accessor; access checks are OGNL's as before.
 */
final class RecordAccessor extends ObjectPropertyAccessor {

    private static final String TOOLBAR_PACKAGES = "dev.debugtoolbar.core.";
    private static final Object[] NO_ARGUMENTS = {};
    private static final ClassValue<Map<String, Optional<Method>>> READERS = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private RecordAccessor() {
    }

    /**
     * Makes OGNL read records through this accessor, unless something else already replaced OGNL's default
     * accessor for records.
     */
    static synchronized void install() {
        try {
            PropertyAccessor current = OgnlRuntime.getPropertyAccessor(Record.class);
            if (current.getClass() == ObjectPropertyAccessor.class) {
                OgnlRuntime.setPropertyAccessor(Record.class, new RecordAccessor());
            }
        } catch (OgnlException e) {
            // OGNL keeps reading records its own way
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object getPossibleProperty(Map context, Object target, String name) throws OgnlException {
        Class<?> type = target.getClass();
        if (!(context instanceof OgnlContext ognl) || !type.getName().startsWith(TOOLBAR_PACKAGES)) {
            return super.getPossibleProperty(context, target, name);
        }
        Method reader = READERS.get(type).computeIfAbsent(name, property -> readMethod(ognl, type, property))
                .orElse(null);
        if (reader == null || !ognl.getMemberAccess().isAccessible(context, target, reader, name)) {
            return super.getPossibleProperty(context, target, name);
        }
        try {
            return OgnlRuntime.invokeMethod(target, reader, NO_ARGUMENTS);
        } catch (InvocationTargetException e) {
            throw new OgnlException(name, e.getTargetException());
        } catch (IllegalAccessException e) {
            throw new OgnlException(name, e);
        }
    }

    /** The method OGNL reads {@code property} with: a JavaBean getter, else a method of that name. */
    private static Optional<Method> readMethod(OgnlContext context, Class<?> type, String property) {
        try {
            Method getter = OgnlRuntime.getGetMethod(context, type, property);
            return Optional.ofNullable(getter != null ? getter : OgnlRuntime.getReadMethod(type, property, null));
        } catch (IntrospectionException | OgnlException e) {
            return Optional.empty();
        }
    }
}
