package io.lookervault.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Builds commands, handing a {@link CliContext} to those whose constructor takes one. */
final class CommandFactory implements CommandLine.IFactory {
    private final CliContext context;

    CommandFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            Constructor<K> c = cls.getDeclaredConstructor(CliContext.class);
            c.setAccessible(true);
            return c.newInstance(context);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
