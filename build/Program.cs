// Entry point: the tasks live in build/Tasks, the typed context in build/Context.
return new SecureOta.Build.Frosting.BuildHost<SecureOta.Build.Context.BuildContext>(
    host => new SecureOta.Build.Context.BuildContext(host)).Run(args);
