"""금융인증서 발급/재발급: customer, terms, identity, PIN twice, cloud."""
