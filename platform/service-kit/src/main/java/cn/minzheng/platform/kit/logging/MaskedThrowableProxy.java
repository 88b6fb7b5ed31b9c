package cn.minzheng.platform.kit.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;

/** An exception as logged, with its message (and its causes' messages) masked. */
final class MaskedThrowableProxy implements IThrowableProxy {

    private final IThrowableProxy proxy;
    private final IThrowableProxy cause;
    private final IThrowableProxy[] suppressed;

    private MaskedThrowableProxy(IThrowableProxy proxy, int depth) {
        this.proxy = proxy;
        // a cyclic chain is cut by logback itself; the depth bound guards against anything else
        this.cause = depth > 32 || proxy.isCyclic() ? proxy.getCause() : wrap(proxy.getCause(), depth + 1);
        IThrowableProxy[] original = proxy.getSuppressed();
        this.suppressed = original == null ? null
                : Arrays.stream(original).map(s -> wrap(s, depth + 1)).toArray(IThrowableProxy[]::new);
    }

    static IThrowableProxy of(IThrowableProxy proxy) {
        return wrap(proxy, 0);
    }

    private static IThrowableProxy wrap(IThrowableProxy proxy, int depth) {
        return proxy == null ? null : new MaskedThrowableProxy(proxy, depth);
    }

    @Override
    public String getMessage() {
        return PersonalDataMasking.mask(proxy.getMessage());
    }

    @Override
    public String getOverridingMessage() {
        return PersonalDataMasking.mask(proxy.getOverridingMessage());
    }

    @Override
    public String getClassName() {
        return proxy.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
        return proxy.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
        return proxy.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
        return cause;
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        return suppressed;
    }

    @Override
    public boolean isCyclic() {
        return proxy.isCyclic();
    }
}
