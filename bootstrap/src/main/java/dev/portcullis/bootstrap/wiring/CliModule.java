package dev.portcullis.bootstrap.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.ClassKey;
import dagger.multibindings.IntoMap;
import dev.portcullis.bootstrap.cli.CheckCommand;
import dev.portcullis.bootstrap.cli.CompletionCommand;
import dev.portcullis.bootstrap.cli.ExplainCommand;
import dev.portcullis.bootstrap.cli.InvokeCommand;
import dev.portcullis.bootstrap.cli.PortcullisCommand;
import dev.portcullis.bootstrap.cli.ServeCommand;
import dev.portcullis.bootstrap.cli.SessionsCommand;
import dev.portcullis.bootstrap.cli.SessionsIssueCommand;
import dev.portcullis.bootstrap.cli.SessionsListCommand;
import dev.portcullis.bootstrap.cli.SessionsRevokeAllCommand;
import dev.portcullis.bootstrap.cli.SessionsRevokeCommand;
import dev.portcullis.bootstrap.cli.TableCommand;
import dev.portcullis.bootstrap.cli.TableCreateCommand;
import picocli.CommandLine;

/** Registers every command by its class, the key picocli asks its factory for. */
@Module
interface CliModule {

  @Binds
  CommandLine.IFactory factory(CommandFactory factory);

  @Binds
  @IntoMap
  @ClassKey(PortcullisCommand.class)
  Object root(PortcullisCommand command);

  @Binds
  @IntoMap
  @ClassKey(InvokeCommand.class)
  Object invoke(InvokeCommand command);

  @Binds
  @IntoMap
  @ClassKey(ExplainCommand.class)
  Object explain(ExplainCommand command);

  @Binds
  @IntoMap
  @ClassKey(CheckCommand.class)
  Object check(CheckCommand command);

  @Binds
  @IntoMap
  @ClassKey(SessionsCommand.class)
  Object sessions(SessionsCommand command);

  @Binds
  @IntoMap
  @ClassKey(SessionsIssueCommand.class)
  Object issue(SessionsIssueCommand command);

  @Binds
  @IntoMap
  @ClassKey(SessionsRevokeCommand.class)
  Object revoke(SessionsRevokeCommand command);

  @Binds
  @IntoMap
  @ClassKey(SessionsRevokeAllCommand.class)
  Object revokeAll(SessionsRevokeAllCommand command);

  @Binds
  @IntoMap
  @ClassKey(SessionsListCommand.class)
  Object list(SessionsListCommand command);

  @Binds
  @IntoMap
  @ClassKey(TableCommand.class)
  Object table(TableCommand command);

  @Binds
  @IntoMap
  @ClassKey(TableCreateCommand.class)
  Object tableCreate(TableCreateCommand command);

  @Binds
  @IntoMap
  @ClassKey(ServeCommand.class)
  Object serve(ServeCommand command);

  @Binds
  @IntoMap
  @ClassKey(CompletionCommand.class)
  Object completion(CompletionCommand command);
}
