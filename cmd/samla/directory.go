package main

import (
	"context"
	"errors"
)

func runDirectory(ctx context.Context, env *cliEnv, args []string) error {
	return errors.New("not yet implemented")
}
