package plain

import (
	"os"
	"path/filepath"
	"testing"

	"knead/routines"
)

// libraryWithShort returns the built-in routines plus shortRoutine, loaded
// the way a user's routine is.
func libraryWithShort(t *testing.T) *routines.Library {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "short.yaml"), []byte(shortRoutine), 0o600); err != nil {
		t.Fatal(err)
	}
	lib, problems := routines.Load(dir)
	if len(problems) > 0 {
		t.Fatal(problems[0])
	}
	return lib
}
