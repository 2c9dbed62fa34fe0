// Every browser test drives Chromium: none of them belongs to the fast loop (TestCategories).
[assembly: AssemblyTrait(TestCategories.Category, TestCategories.Slow)]
