Console.WriteLine("TradeAlertBot");
