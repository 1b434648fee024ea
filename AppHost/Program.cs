Console.WriteLine("AspireMicro AppHost (platform under construction)");
