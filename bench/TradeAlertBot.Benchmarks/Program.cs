using BenchmarkDotNet.Running;
using TradeAlertBot.Benchmarks;

// "--check": a quick pass/fail run of the matcher targets (CI); anything else goes to BenchmarkDotNet.
if (args is ["--check"])
{
    return TargetCheck.Run(Console.Out) == 0 ? 0 : 1;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
