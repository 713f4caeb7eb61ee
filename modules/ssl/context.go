package ssl

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"os"

	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
)

// SSLContext with load_cert_chain, load_verify_locations,
// load_default_certs, check_hostname and verify_mode; create_default_context
// is Python (ssl.py). A context becomes a tls.Config when a connection or
// server uses it (stdlib.TLSContext).

var (
	sslContextType = vm.NewNativeClass("SSLContext", "ssl", nil, sslContextCtor)
	sslErrorClass  = vm.NewExceptionClass("SSLError", "ssl", vm.OSError)
	sslCertError   = vm.NewExceptionClass("SSLCertVerificationError", "ssl", sslErrorClass, vm.ValueError)
)

const (
	protocolTLS       = 2
	protocolTLSClient = 16
	protocolTLSServer = 17
	certNone          = 0
	certOptional      = 1
	certRequired      = 2
)

type sslContext struct {
	protocol      int
	checkHostname bool
	verifyMode    int
	certs         []tls.Certificate
	roots         *x509.CertPool // what load_verify_locations loaded (nil: nothing)
	pems          [][]byte
	useSystem     bool
}

func (*sslContext) Class() *vm.Class { return sslContextType }

func sslContextCtor(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("SSLContext", args, kw, 0, "protocol")
	if err != nil {
		return vm.Undef, err
	}
	proto := protocolTLS
	if !a[0].IsUndef() && !a[0].IsNone() {
		n, err := t.AsInt64(a[0])
		if err != nil {
			return vm.Undef, err
		}
		proto = int(n)
	}
	c := &sslContext{protocol: proto, verifyMode: certNone}
	if proto == protocolTLSClient {
		c.checkHostname, c.verifyMode = true, certRequired
	}
	return vm.Obj(c), nil
}

func (c *sslContext) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	switch name {
	case "check_hostname":
		return vm.Bool(c.checkHostname), true, nil
	case "verify_mode":
		return enumFrom(t, "ssl", "VerifyMode", c.verifyMode), true, nil
	case "protocol":
		return enumFrom(t, "ssl", "_SSLMethod", c.protocol), true, nil
	}
	return vm.Undef, false, nil
}

func (c *sslContext) SetAttr(t *vm.Thread, name string, v vm.Value) error {
	handled, err := c.setAttr(t, name, v)
	if !handled {
		return vm.Errorf(vm.AttributeError, "'SSLContext' object has no attribute '%s'", name)
	}
	return err
}

func (c *sslContext) setAttr(t *vm.Thread, name string, v vm.Value) (bool, error) {
	switch name {
	case "check_hostname":
		b, err := t.Truth(v)
		if err != nil {
			return true, err
		}
		if b && c.verifyMode == certNone {
			c.verifyMode = certRequired
		}
		c.checkHostname = b
		return true, nil
	case "verify_mode":
		n, err := t.AsInt64(v)
		if err != nil {
			return true, err
		}
		if n < 0 || n > 2 {
			return true, vm.Errorf(vm.ValueError, "invalid value for verify_mode")
		}
		if n == certNone && c.checkHostname {
			return true, vm.Errorf(vm.ValueError, "Cannot set verify_mode to CERT_NONE when check_hostname is enabled.")
		}
		c.verifyMode = int(n)
		return true, nil
	}
	return false, nil
}

func enumFrom(t *vm.Thread, module, enum string, n int) vm.Value {
	m, err := t.ImportModule(module)
	if err == nil {
		if cls, ok := m.Get(enum); ok {
			if v, err := t.Call(cls, []vm.Value{vm.Int(int64(n))}, nil); err == nil {
				return v
			}
		}
	}
	return vm.Int(int64(n))
}

func sslPath(v vm.Value) (string, bool) {
	if v.IsUndef() || v.IsNone() {
		return "", false
	}
	s, ok := v.StrOf()
	return s, ok
}

func init() {
	m := func(name string, fn func(t *vm.Thread, c *sslContext, args []vm.Value, kw []vm.KV) (vm.Value, error)) {
		sslContextType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if err := stdlib.NetAllowed(t); err != nil {
				return vm.Undef, err
			}
			return fn(t, args[0].AsObj().(*sslContext), args[1:], kw)
		})
	}
	m("load_cert_chain", func(t *vm.Thread, c *sslContext, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("load_cert_chain", args, kw, 1, "certfile", "keyfile", "password")
		if err != nil {
			return vm.Undef, err
		}
		certfile, ok := sslPath(a[0])
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "certfile should be a valid filesystem path")
		}
		keyfile, ok := sslPath(a[1])
		if !ok {
			keyfile = certfile
		}
		for _, p := range []string{certfile, keyfile} {
			if _, err := os.Stat(p); err != nil {
				return vm.Undef, stdlib.OSError(err, "")
			}
		}
		cert, err := tls.LoadX509KeyPair(certfile, keyfile)
		if err != nil {
			return vm.Undef, vm.NewException(sslErrorClass, vm.Int(9), vm.Str("[SSL] PEM lib (_ssl.c:3917)"))
		}
		c.certs = append(c.certs, cert)
		return vm.None, nil
	})
	m("load_verify_locations", func(t *vm.Thread, c *sslContext, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("load_verify_locations", args, kw, 0, "cafile", "capath", "cadata")
		if err != nil {
			return vm.Undef, err
		}
		cafile, hasFile := sslPath(a[0])
		var pem []byte
		if hasFile {
			b, err := os.ReadFile(cafile)
			if err != nil {
				return vm.Undef, stdlib.OSError(err, "")
			}
			pem = b
		}
		if s, ok := sslPath(a[2]); ok {
			pem = append(pem, s...)
		}
		if !hasFile && a[1].IsUndef() && a[2].IsUndef() {
			return vm.Undef, vm.Errorf(vm.TypeError, "cafile, capath and cadata cannot be all omitted")
		}
		if c.roots == nil {
			c.roots = x509.NewCertPool()
		}
		c.pems = append(c.pems, pem)
		if len(pem) > 0 && !c.roots.AppendCertsFromPEM(pem) {
			return vm.Undef, vm.NewException(sslErrorClass, vm.Int(0), vm.Str("[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found (_ssl.c:4149)"))
		}
		return vm.None, nil
	})
	m("load_default_certs", func(t *vm.Thread, c *sslContext, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		c.useSystem = true
		return vm.None, nil
	})
	m("set_ciphers", func(t *vm.Thread, c *sslContext, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, nil // Go chooses its cipher suites
	})
	m("set_alpn_protocols", func(t *vm.Thread, c *sslContext, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, nil
	})
}

// clientConfig is the tls.Config for connecting to serverName.
func (c *sslContext) clientConfig(serverName string) (*tls.Config, error) {
	conf := &tls.Config{ServerName: serverName, Certificates: c.certs, MinVersion: tls.VersionTLS12}
	var roots *x509.CertPool
	if c.useSystem || c.roots == nil {
		if sys, err := x509.SystemCertPool(); err == nil {
			roots = sys
		}
	}
	if roots == nil {
		roots = x509.NewCertPool()
	}
	for _, pem := range c.pems {
		roots.AppendCertsFromPEM(pem)
	}
	conf.RootCAs = roots
	switch {
	case c.verifyMode == certNone:
		conf.InsecureSkipVerify = true
	case !c.checkHostname:
		// Verify the chain but not the name.
		conf.InsecureSkipVerify = true
		conf.VerifyPeerCertificate = func(raw [][]byte, _ [][]*x509.Certificate) error {
			var certs []*x509.Certificate
			for _, r := range raw {
				cert, err := x509.ParseCertificate(r)
				if err != nil {
					return err
				}
				certs = append(certs, cert)
			}
			if len(certs) == 0 {
				return errors.New("no certificate")
			}
			inter := x509.NewCertPool()
			for _, ic := range certs[1:] {
				inter.AddCert(ic)
			}
			_, err := certs[0].Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter})
			return err
		}
	}
	return conf, nil
}

// serverConfig is the tls.Config of a server.
func (c *sslContext) serverConfig() (*tls.Config, error) {
	if len(c.certs) == 0 {
		return nil, vm.NewException(sslErrorClass, vm.Int(1), vm.Str("[SSL: NO_SHARED_CIPHER] no shared cipher (_ssl.c:1006)"))
	}
	conf := &tls.Config{Certificates: c.certs, MinVersion: tls.VersionTLS12}
	switch c.verifyMode {
	case certOptional:
		conf.ClientAuth = tls.VerifyClientCertIfGiven
		conf.ClientCAs = c.roots
	case certRequired:
		conf.ClientAuth = tls.RequireAndVerifyClientCert
		conf.ClientCAs = c.roots
	}
	return conf, nil
}
