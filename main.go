// Command knead is a terminal coach for guided back massage.
package main

import (
	"context"
	"os"

	"knead/cli"
)

func main() {
	os.Exit(cli.Main(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
