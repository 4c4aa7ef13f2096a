package io.lookervault.cli;

import java.util.List;

/** The subcommands of {@code lookervault}, in help order. Adding a command is one line here. */
final class Commands {
    private Commands() {}

    static final List<Class<?>> ALL = List.of(
            CheckCommand.class,
            InfoCommand.class,
            ExtractCommand.class,
            RestoreCommand.class,
            SecretsCommand.class,
            DemoCommand.class,
            TourCommand.class,
            SimCommand.class,
            VerifyCommand.class,
            ListCommand.class,
            ShowCommand.class,
            RunsCommand.class,
            HistoryCommand.class,
            DiffCommand.class,
            ValidateCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            SnapshotCommand.class);
}
