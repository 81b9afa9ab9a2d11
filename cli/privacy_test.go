package cli

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoNetworkClientInTheBinary guards the promise that knead makes no
// network connection: no HTTP, TLS or DNS client is linked in. (The net
// package itself comes in through flag parsing of IP values.)
func TestNoNetworkClientInTheBinary(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-deps", "knead").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		switch dep {
		case "net/http", "crypto/tls", "net/rpc", "net/smtp":
			t.Errorf("knead links %s", dep)
		}
	}
}
