package dev.jetemu.junit5;

import dev.jetemu.app.Emulator;
import dev.jetemu.broker.BrokerStartException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Optional;

/**
 * Starts an emulator for a test class ({@link JetemuTest}) and hands the test a {@link Jetemu}.
 *
 * <p>The emulator is started when the class's context first needs it (before its
 * {@code @BeforeAll} methods, or earlier to fill in the fields of a {@code PER_CLASS} instance)
 * and kept in the class's {@link ExtensionContext.Store}, which closes it when the class is done;
 * {@code @Nested} classes find it there and share it. Registered on a single method with
 * {@code @ExtendWith}, the emulator lives for that method alone.
 *
 * <p>Fields of type {@link Jetemu} are filled in: static ones before {@code @BeforeAll}, instance
 * ones when the instance is created. Parameters of that type are resolved in tests, lifecycle
 * methods and constructors.
 */
public final class JetemuExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(JetemuExtension.class);
    private static final String EMULATOR = "emulator";

    @Override
    public void beforeAll(ExtensionContext context) {
        fill(context.getRequiredTestClass(), null, running(context));
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        fill(testInstance.getClass(), testInstance, running(context));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Jetemu.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return running(extensionContext);
    }

    /** The emulator of this context or an enclosing one; started here when there is none yet. */
    private static RunningJetemu running(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(EMULATOR, key -> start(context), RunningJetemu.class);
    }

    private static RunningJetemu start(ExtensionContext context) {
        Optional<JetemuTest> options = context.getTestClass().flatMap(JetemuExtension::options);
        Emulator.Builder builder = Emulator.builder();
        if (options.isPresent()) {
            JetemuTest asked = options.get();
            try {
                builder.hostname(asked.hostname()).mqttPort(asked.port());
                if (asked.allowClients().length > 0) {
                    builder.allowClients(asked.allowClients()).bindAddress("::");
                }
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("@JetemuTest on " + context.getRequiredTestClass().getName()
                        + ": " + e.getMessage(), e);
            }
            if (asked.controlApi()) {
                builder.httpPort(0);
            }
        }
        try {
            return new RunningJetemu(builder.start());
        } catch (BrokerStartException | IOException e) {
            throw new IllegalStateException("jetemu could not start for " + context.getDisplayName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The annotation on the class, a superclass, or the class a {@code @Nested} class is within. */
    private static Optional<JetemuTest> options(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            Optional<JetemuTest> found = AnnotationSupport.findAnnotation(type, JetemuTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Sets the class's static {@code Jetemu} fields (instance null), or the instance's own. */
    private static void fill(Class<?> type, Object instance, Jetemu jetemu) {
        boolean statics = instance == null;
        for (Field field : ReflectionSupport.findFields(type,
                field -> field.getType() == Jetemu.class && ModifierSupport.isStatic(field) == statics,
                HierarchyTraversalMode.TOP_DOWN)) {
            if (ModifierSupport.isFinal(field)) {
                throw new ExtensionConfigurationException("field " + field.getName() + " of "
                        + field.getDeclaringClass().getName() + " is final; expected a field the extension can set, "
                        + "or a Jetemu parameter");
            }
            try {
                field.setAccessible(true);
                field.set(instance, jetemu);
            } catch (IllegalAccessException | RuntimeException e) {
                throw new ExtensionConfigurationException("cannot set field " + field.getName() + " of "
                        + field.getDeclaringClass().getName() + ": " + e.getMessage(), e);
            }
        }
    }
}
