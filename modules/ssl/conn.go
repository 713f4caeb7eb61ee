package ssl

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"strings"

	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
)

// ClientTLS is stdlib.TLSContext's: the event loop's open_connection /
// create_connection with this context.
func (c *sslContext) ClientTLS(serverName string) (stdlib.TLSWrap, error) {
	conf, err := c.clientConfig(serverName)
	if err != nil {
		return nil, err
	}
	return func(conn net.Conn) stdlib.TLSConn { return tlsConn{tls.Client(conn, conf)} }, nil
}

// ServerTLS is stdlib.TLSContext's: start_server / create_server.
func (c *sslContext) ServerTLS() (stdlib.TLSWrap, error) {
	conf, err := c.serverConfig()
	if err != nil {
		return nil, err
	}
	return func(conn net.Conn) stdlib.TLSConn { return tlsConn{tls.Server(conn, conf)} }, nil
}

// tlsConn is a stdlib.TLSConn on crypto/tls.
type tlsConn struct{ *tls.Conn }

func (c tlsConn) Handshake(ctx context.Context) error {
	if err := c.HandshakeContext(ctx); err != nil {
		return tlsError(err)
	}
	return nil
}

// tlsError converts a handshake failure into ssl's exceptions.
func tlsError(err error) error {
	var unknown x509.UnknownAuthorityError
	var host x509.HostnameError
	var invalid x509.CertificateInvalidError
	var verr *tls.CertificateVerificationError
	if errors.As(err, &verr) {
		err = verr.Err
	}
	reason := ""
	switch {
	case errors.As(err, &unknown):
		reason = "self-signed certificate"
		if unknown.Cert != nil && unknown.Cert.Issuer.String() != unknown.Cert.Subject.String() {
			reason = "unable to get local issuer certificate"
		}
	case errors.As(err, &host):
		reason = "Hostname mismatch, certificate is not valid for '" + host.Host + "'."
	case errors.As(err, &invalid):
		reason = "certificate has expired"
		if invalid.Reason != x509.Expired {
			reason = invalid.Error()
		}
	}
	if reason != "" {
		exc := vm.NewException(sslCertError, vm.Int(1),
			vm.Str("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: "+reason+" (_ssl.c:1006)"))
		exc.SetAttr("library", vm.Str("SSL"))
		exc.SetAttr("reason", vm.Str("CERTIFICATE_VERIFY_FAILED"))
		exc.SetAttr("verify_message", vm.Str(reason))
		code := int64(18) // X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT
		switch {
		case strings.HasPrefix(reason, "Hostname"):
			code = 62
		case strings.HasPrefix(reason, "unable"):
			code = 20
		case strings.HasPrefix(reason, "certificate has expired"):
			code = 10
		}
		exc.SetAttr("verify_code", vm.Int(code))
		return exc
	}
	var errno interface{ Timeout() bool }
	if errors.As(err, &errno) {
		return stdlib.SockError(err)
	}
	return vm.NewException(sslErrorClass, vm.Int(1), vm.Str("[SSL] "+err.Error()+" (_ssl.c:1006)"))
}

// ExtraInfo answers get_extra_info's TLS names.
func (c tlsConn) ExtraInfo(t *vm.Thread, name string) (vm.Value, bool) {
	st := c.ConnectionState()
	switch name {
	case "cipher":
		bits := int64(256)
		if st.CipherSuite == tls.TLS_AES_128_GCM_SHA256 {
			bits = 128
		}
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Str(tls.CipherSuiteName(st.CipherSuite)), vm.Str(tlsVersionName(st.Version)), vm.Int(bits)})), true
	case "compression":
		return vm.None, true
	case "peercert":
		if len(st.PeerCertificates) == 0 {
			return vm.None, true
		}
		d := vm.NewDict()
		cert := st.PeerCertificates[0]
		d.SetStr("serialNumber", vm.Str(cert.SerialNumber.Text(16)))
		d.SetStr("notAfter", vm.Str(cert.NotAfter.UTC().Format("Jan _2 15:04:05 2006 GMT")))
		var sans []vm.Value
		for _, n := range cert.DNSNames {
			sans = append(sans, vm.Obj(vm.NewTuple([]vm.Value{vm.Str("DNS"), vm.Str(n)})))
		}
		for _, ip := range cert.IPAddresses {
			sans = append(sans, vm.Obj(vm.NewTuple([]vm.Value{vm.Str("IP Address"), vm.Str(ip.String())})))
		}
		if len(sans) > 0 {
			d.SetStr("subjectAltName", vm.Obj(vm.NewTuple(sans)))
		}
		return vm.Obj(d), true
	}
	return vm.Undef, false
}

func tlsVersionName(v uint16) string {
	switch v {
	case tls.VersionTLS13:
		return "TLSv1.3"
	case tls.VersionTLS12:
		return "TLSv1.2"
	}
	return "TLSv1"
}
