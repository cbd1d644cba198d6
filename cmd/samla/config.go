package main

import (
	"context"
	"errors"
)

func runConfig(ctx context.Context, env *cliEnv, args []string) error {
	return errors.New("not yet implemented")
}
