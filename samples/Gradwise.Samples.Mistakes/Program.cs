Console.WriteLine("Build this project and read the warnings: each one is a lesson (see README.md).");
