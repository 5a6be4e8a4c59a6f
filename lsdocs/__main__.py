from lsdocs.cli import main

main()
