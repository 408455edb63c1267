from antislavery.cli import main

main()
