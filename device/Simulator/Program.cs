// Entry point of the device simulator command; everything else is in SecureOta.Device.Simulation.
return SecureOta.Device.Simulation.SimulatorCommand.Run(args, Console.Out, Console.Error);
