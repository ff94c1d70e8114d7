from regionallabor.cli import main

main()
