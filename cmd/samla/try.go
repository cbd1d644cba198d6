package main

import (
	"context"
	"errors"
)

func runTry(ctx context.Context, env *cliEnv, args []string) error {
	return errors.New("not yet implemented")
}
