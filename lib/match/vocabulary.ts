// The security/compliance vocabulary: abbreviations, synonyms and spellings that mean the same thing in a
// questionnaire, grouped into concepts. A phrase found in a text becomes its concept term (`~mfa`), so
// "2FA", "multi-factor authentication" and "two-step verification" meet in the index.

export interface ConceptGroup {
  id: string;
  phrases: readonly string[];
  /** Broader concepts the phrases also stand for (a "vulnerability scan" is also about vulnerabilities). */
  also?: readonly string[];
  /**
   * The group's multi-word phrases mean one thing: their words do not add the concepts they have alone. "Audit logs"
   * are logging, not an audit (which "audit" alone means: audits and assurance).
   */
  sealed?: true;
}

const BASE_GROUPS: readonly ConceptGroup[] = [
  { id: 'mfa', phrases: ['mfa', '2fa', 'two factor', 'two factor authentication', 'multi factor', 'multi factor authentication', 'multifactor', 'multifactor authentication', '2 factor', 'two step verification', '2 step verification', 'strong authentication', 'second factor', 'otp', 'one time password', 'totp', 'hardware token', 'security key', 'fido2', 'authenticator app'] },
  { id: 'sso', phrases: ['sso', 'single sign on', 'federated authentication', 'federated login', 'federated identity', 'identity federation', 'federation'] },
  { id: 'saml', phrases: ['saml', 'saml 2', 'saml 2 0', 'saml2', 'security assertion markup language'], also: ['sso'] },
  { id: 'oidc', phrases: ['oidc', 'openid connect', 'openid', 'oauth', 'oauth2', 'oauth 2', 'oauth 2 0'] },
  { id: 'idp', phrases: ['idp', 'identity provider', 'identity providers', 'okta', 'azure ad', 'entra id', 'active directory', 'ldap', 'directory service', 'shibboleth', 'incommon'] },
  { id: 'dr', phrases: ['alternate processing site', 'alternate site', 'alternate sites', 'system recovery', 'reconstitution', 'dr', 'disaster recovery', 'disaster recovery plan', 'drp', 'recovery plan', 'disaster'] },
  { id: 'bcp', phrases: ['contingency plan', 'contingency plans', 'contingency planning', 'contingency', 'disruption', 'disruptions', 'bcp', 'business continuity', 'business continuity plan', 'business continuity management', 'bcm', 'continuity plan', 'continuity', 'operational resilience', 'operational resiliency', 'business resilience', 'resilience', 'resiliency', 'business disruption', 'business disruptions'] },
  { id: 'continuity-test', phrases: ['contingency plan testing', 'contingency plan test', 'contingency plan tests', 'business continuity test', 'bcp test', 'dr test', 'dr testing', 'disaster recovery test', 'disaster recovery testing', 'failover test', 'failover testing'], also: ['bcp'] },
  // An exercise is not in itself about continuity: incident response plans are exercised in tabletops too.
  { id: 'exercise', phrases: ['tabletop', 'tabletop exercise', 'tabletop exercises', 'drill', 'drills'] },
  { id: 'rto', phrases: ['rto', 'recovery time objective', 'recovery time', 'time to recover'] },
  { id: 'rpo', phrases: ['rpo', 'recovery point objective', 'recovery point', 'maximum data loss', 'acceptable data loss'] },
  { id: 'pii', phrases: ['pii', 'personal data', 'personally identifiable information', 'personal information', 'personal identifiable information', 'sensitive personal information', 'spi', 'personal details', 'student data', 'education records', 'ferpa'] },
  { id: 'phi', phrases: ['phi', 'ephi', 'protected health information', 'health data', 'health information', 'medical records'] },
  { id: 'sdlc', phrases: ['sdlc', 'ssdlc', 'sdl', 'software development lifecycle', 'software development life cycle', 'secure development lifecycle', 'secure development', 'secure software development', 'development lifecycle', 'secure coding', 'secure code', 'secure by design', 'security by design', 'devsecops', 'software development'] },
  { id: 'pentest', phrases: ['pen test', 'pentest', 'pen testing', 'penetration test', 'penetration testing', 'penetration tested', 'ethical hacking', 'red team', 'red teaming', 'offensive security testing'] },
  { id: 'at-rest', phrases: ['at rest', 'data at rest', 'stored data', 'in storage', 'disk encryption', 'full disk encryption', 'fde', 'encrypted storage', 'database encryption', 'during storage', 'when stored', 'while stored'] },
  { id: 'in-transit', phrases: ['transport', 'in flight', 'in transit', 'data in transit', 'in motion', 'over the network', 'over public networks', 'over public network', 'tls', 'ssl', 'https', 'transport layer security', 'transport encryption', 'during transmission', 'transmission', 'transmitted', 'hsts'] },
  { id: 'encryption', phrases: ['key length', 'key lengths', 'key size', 'key sizes', 'encrypt', 'encryption', 'encrypted', 'encrypting', 'cryptography', 'cryptographic', 'cryptographically', 'crypto', 'cipher', 'ciphers', 'aes', 'aes 256', 'aes256', 'fips 140', 'fips 140 2'] },
  { id: 'key-management', phrases: ['key management', 'kms', 'hsm', 'hardware security module', 'encryption keys', 'encryption key', 'cryptographic keys', 'key rotation', 'key lifecycle', 'keys'], also: ['encryption'] },
  { id: 'byok', phrases: ['byok', 'hyok', 'bring your own key', 'bring your own keys', 'customer managed keys', 'customer managed key', 'cmk', 'own encryption keys', 'own encryption key', 'their own keys', 'own keys', 'own key', 'own data encryption keys', 'bring their own'], also: ['key-management'] },
  { id: 'server', phrases: ['server', 'servers', 'virtual machine', 'virtual machines', 'vm', 'vms', 'instance', 'instances', 'guest os', 'operating system', 'operating systems', 'hypervisor', 'hypervisors', 'container', 'containers'] },
  { id: 'storage', phrases: ['storage', 'store', 'stored', 'stores', 'storing', 'storage media', 'media'] },
  { id: 'timely', phrases: ['timely', 'in a timely manner', 'promptly', 'prompt', 'quickly', 'how quickly', 'how fast', 'immediately', 'without undue delay', 'without delay', 'as soon as possible'] },
  { id: 'data-flow', phrases: ['data flow', 'data flows', 'data flow diagram', 'data flow diagrams', 'dfd', 'data mapping', 'data map', 'flows mapped', 'information flows', 'information flow'] },
  { id: 'siem', phrases: ['audit record review', 'log review', 'log analysis', 'siem', 'security information and event management', 'log correlation', 'security event monitoring', 'centralized logging', 'centralised logging', 'central logging', 'log aggregation', 'log management', 'centralized log', 'soar'] },
  { id: 'edr', phrases: ['edr', 'xdr', 'endpoint detection and response', 'endpoint detection', 'endpoint protection', 'epp', 'endpoint security', 'crowdstrike'] },
  { id: 'malware', phrases: ['antivirus', 'anti virus', 'anti malware', 'antimalware', 'malware', 'virus', 'viruses', 'malicious code', 'malicious software', 'ransomware'] },
  { id: 'dlp', phrases: ['dlp', 'data loss prevention', 'data leakage prevention', 'data leak prevention', 'exfiltration', 'data exfiltration', 'unauthorized copying', 'unauthorized transfer', 'data leak', 'data leaks', 'data leakage', 'leak', 'leaks', 'leakage'] },
  { id: 'rbac', phrases: ['rbac', 'role based', 'role based access', 'role based access control', 'role based access controls', 'abac', 'pbac', 'attribute based access control', 'permission levels', 'permission level', 'access roles', 'user roles', 'roles and permissions', 'structured rules'] },
  { id: 'soc2', phrases: ['soc 2', 'soc2', 'soc ii', 'soc 2 type ii', 'soc 2 type 2', 'soc2 type ii', 'soc two', 'ssae 16', 'ssae 18', 'ssae16', 'ssae18', 'soc 1', 'soc 3', 'type ii report', 'type 2 report', 'isae 3402', 'trust services criteria'], also: ['audit'] },
  { id: 'iso27001', phrases: ['iso 27001', 'iso27001', 'iso iec 27001', 'iso 27001 2013', 'iso 27001 2022', 'isms', 'iso certification', 'iso certified', 'iso twenty seven thousand one', 'iso 27002', 'iso 27017', 'iso 27018', 'iso 27701'], also: ['audit'] },
  { id: 'third-party', phrases: ['supplier relationships', 'supplier relationship', 'subprocessor', 'subprocessors', 'sub processor', 'sub processors', 'third party', 'third parties', '3rd party', '3rd parties', 'subcontractor', 'subcontractors', 'sub contractor', 'sub contractors', 'fourth party', 'fourth parties', 'downstream vendor', 'downstream vendors', 'vendor management', 'vendor risk', 'vendor risk management', 'supplier management', 'supplier risk', 'tprm', 'third party risk', 'service providers', 'outsourced', 'outsourcing', 'suppliers', 'vendors'] },
  { id: 'vuln', phrases: ['system flaws', 'flaws', 'flaw', 'vuln', 'vulns', 'vulnerability', 'vulnerabilities', 'vulnerable', 'cve', 'cves', 'security flaw', 'security flaws', 'weakness', 'weaknesses', 'security bug', 'security bugs'] },
  { id: 'vuln-scan', phrases: ['vulnerability scan', 'vulnerability scans', 'vulnerability scanning', 'vuln scan', 'vuln scanning', 'vulnerability scanner', 'vulnerability detection', 'vulnerability assessment', 'vulnerability assessments', 'scanning', 'scans', 'scanned', 'nessus', 'qualys'], also: ['vuln'] },
  { id: 'vuln-mgmt', phrases: ['vulnerability management', 'threat and vulnerability management', 'tvm', 'vulnerability remediation', 'remediate vulnerabilities', 'fix vulnerabilities'], also: ['vuln'] },
  { id: 'patch', phrases: ['patch', 'patches', 'patching', 'patched', 'patch management', 'security updates', 'security update', 'software updates', 'hotfix', 'hotfixes', 'system updates'] },
  { id: 'password', phrases: ['authenticator', 'authenticators', 'authenticator management', 'password', 'passwords', 'passphrase', 'passphrases', 'password policy', 'password complexity', 'credential', 'credentials', 'password requirements'] },
  { id: 'access-review', phrases: ['certification of entitlements', 'entitlements', 'access review', 'access reviews', 'user access review', 'user access reviews', 'access recertification', 'recertification', 'recertify', 'entitlement review', 'entitlement reviews', 'review of access', 'review user access', 'review access', 'reviewed access', 'access rights reviewed', 'access is reviewed', 'access privileges reviewed', 'privileges reviewed', 'review user access rights'] },
  { id: 'least-privilege', phrases: ['least privilege', 'least privileged', 'principle of least privilege', 'minimum necessary', 'need to know', 'polp', 'minimal privileges', 'minimum privileges'] },
  { id: 'privileged', phrases: ['admin', 'admins', 'administrator', 'administrators', 'privileged access', 'privileged accounts', 'privileged account', 'privileged users', 'privileged user', 'admin accounts', 'admin account', 'administrative accounts', 'administrator accounts', 'administrator access', 'pam', 'privileged access management', 'root access', 'superuser', 'admin access', 'administrative access', 'elevated access', 'elevated privileges', 'administrative'] },
  { id: 'segregation-duties', phrases: ['separate the duties', 'separate duties', 'duties of individuals', 'separation of duties', 'segregation of duties', 'sod', 'separation of duty', 'dual control'] },
  { id: 'offboarding', phrases: ['revoking', 'revocation', 'access revoking', 'removal of systems access', 'removal of system access', 'offboarding', 'off boarding', 'deprovisioning', 'deprovision', 'deprovisioned', 'de provisioning', 'termination', 'terminated', 'terminations', 'leavers', 'leaver', 'leave', 'leaves', 'leaving', 'movers', 'revoke access', 'revoking access', 'revoked', 'access removal', 'remove access', 'removing access', 'removed promptly', 'employee exit', 'leave the organization', 'change roles', 'role change', 'role changes', 'transferred'] },
  { id: 'provisioning', phrases: ['account management', 'user accounts', 'account provisioning', 'provisioning', 'user provisioning', 'joiner', 'joiners', 'scim', 'account creation', 'access request', 'access requests', 'access approval'] },
  { id: 'background-check', phrases: ['screen individuals', 'screen personnel', 'screen employees', 'background check', 'background checks', 'background screening', 'background screenings', 'background verification', 'background investigation', 'pre employment screening', 'criminal record check', 'criminal background', 'screening', 'screened', 'vetting', 'vetted'] },
  { id: 'training', phrases: ['social engineering', 'security awareness', 'awareness training', 'security training', 'phishing simulation', 'phishing simulations', 'phishing training', 'security awareness training', 'awareness program', 'awareness', 'training', 'trained', 'educate', 'education program'] },
  { id: 'incident', phrases: ['ir', 'ir plan', 'incident response', 'incident response plan', 'irp', 'incident management', 'incident handling', 'security incident', 'security incidents', 'csirt', 'cirt', 'incident', 'incidents', 'security event', 'security events'] },
  { id: 'notify', phrases: ['notice', 'advance notice', 'prior notice', 'notification', 'notifications', 'notified', 'notify', 'notifying', 'inform customers', 'informed', 'alert customers'] },
  { id: 'breach', phrases: ['breach', 'breaches', 'data breach', 'data breaches', 'security breach', 'compromise', 'compromised', 'past twenty four months', 'past 24 months'] },
  { id: 'logging', phrases: ['audit record', 'audit records', 'audit information', 'logging', 'logs', 'log', 'logged', 'audit log', 'audit logs', 'audit trail', 'audit trails', 'event log', 'event logs', 'log retention', 'activity logs', 'access logs'], sealed: true },
  { id: 'monitoring', phrases: ['monitoring', 'monitor', 'monitored', 'monitors', '24x7', '24 7', 'around the clock', '24x7x365', '24 7 365', '24x365', 'security operations center', 'security operations centre', 'suspicious activity', 'alerting', 'alerts'] },
  { id: 'ids', phrases: ['ids', 'ips', 'idps', 'intrusion detection', 'intrusion prevention', 'intrusion detection system', 'intrusion detection systems', 'intrusion prevention system', 'intrusion detection prevention', 'nids', 'hids', 'intrusion'] },
  { id: 'firewall', phrases: ['boundary protection', 'network boundary', 'network boundaries', 'boundary', 'boundaries', 'firewall', 'firewalls', 'ngfw', 'network firewall', 'security groups', 'security group', 'network acl', 'network acls', 'network security controls', 'network security'] },
  { id: 'waf', phrases: ['waf', 'web application firewall', 'web application firewalls'] },
  { id: 'ddos', phrases: ['ddos', 'denial of service', 'dos attack', 'dos attacks', 'ddos protection', 'ddos mitigation', 'distributed denial of service'] },
  { id: 'segmentation', phrases: ['segmentation', 'network segmentation', 'segmented', 'segment', 'segments', 'vlan', 'vlans', 'microsegmentation', 'network isolation', 'isolated networks', 'dmz', 'communications between environments', 'between environments'] },
  { id: 'backup', phrases: ['backup', 'backups', 'backed up', 'back up', 'backing up', 'data backup', 'data backups', 'snapshot', 'snapshots', 'replication', 'replicated', 'restore', 'restoration', 'restored'] },
  { id: 'retention', phrases: ['retention', 'data retention', 'retain', 'retained', 'retaining', 'retention period', 'retention periods', 'retention schedule', 'record retention', 'kept for', 'how long'] },
  { id: 'deletion', phrases: ['deletion', 'delete', 'deleted', 'deleting', 'disposal', 'dispose', 'disposed', 'destruction', 'destroy', 'destroyed', 'secure deletion', 'data disposal', 'sanitization', 'sanitisation', 'media sanitization', 'crypto shredding', 'purge', 'purged', 'wipe', 'wiped', 'erasure', 'erase', 'nist 800 88'] },
  { id: 'classification', phrases: ['data classification', 'classify', 'classified', 'classifies', 'classification', 'classifications', 'classification scheme', 'classification policy', 'data labeling', 'data labelling', 'sensitivity labels', 'sensitivity level', 'sensitivity levels', 'based on sensitivity', 'according to sensitivity'] },
  { id: 'data-location', phrases: ['where is', 'where are', 'in which region', 'which region', 'which regions', 'which country', 'which countries', 'data residency', 'data location', 'data locations', 'data localization', 'data localisation', 'data sovereignty', 'hosting location', 'hosting locations', 'geographic location', 'geographic locations', 'region', 'regions', 'country', 'countries', 'where is data stored', 'where data is stored', 'where is customer data stored', 'data center location', 'data center locations', 'jurisdiction', 'jurisdictions', 'physically located', 'location', 'locations', 'offshore', 'outside the us', 'outside the eu', 'cross border'] },
  { id: 'datacenter', phrases: ['visitors', 'visitor', 'escort visitors', 'visitor activity', 'data center', 'data centers', 'data centre', 'data centres', 'datacenter', 'datacenters', 'datacentre', 'colocation', 'colo', 'physical security', 'physical access', 'facility', 'facilities', 'badge access', 'cctv', 'premises'] },
  { id: 'cloud', phrases: ['cloud provider', 'cloud providers', 'cloud service provider', 'cloud service providers', 'csp', 'iaas', 'paas', 'saas', 'aws', 'amazon web services', 'azure', 'microsoft azure', 'gcp', 'google cloud', 'google cloud platform', 'hosting provider', 'cloud hosting', 'hosted', 'hosting', 'public cloud', 'cloud'] },
  { id: 'risk-assessment', phrases: ['assess the risk', 'assess risk', 'assess risks', 'risk assessment', 'risk assessments', 'risk analysis', 'risk management', 'risk register', 'risk treatment', 'risk evaluation', 'risk management program', 'enterprise risk management', 'risk register'] },
  { id: 'policy', phrases: ['policy', 'policies', 'procedure', 'procedures', 'standard operating procedure', 'sop', 'sops', 'guidelines'] },
  { id: 'security-program', phrases: ['information security policy', 'information security policies', 'infosec policy', 'security policy', 'security policies', 'information security program', 'information security programme', 'security program', 'security programme', 'information security management', 'security management system', 'security and privacy program', 'isp'], also: ['policy'] },
  { id: 'security-owner', phrases: ['information security staff', 'security staff', 'information security team', 'information security office', 'security office', 'security personnel', 'ciso', 'chief information security officer', 'chief security officer', 'cso', 'security officer', 'head of security', 'security lead', 'security team', 'security function', 'dedicated security', 'responsible for information security', 'responsible for security', 'security owner', 'security ownership', 'designated individual', 'individual or team', 'governance structure', 'security governance', 'assigned responsibilities', 'roles and responsibilities', 'responsible for', 'responsibility for', 'assigned security responsibility', 'security official', 'reporting lines', 'roles responsibilities and authorities', 'authorities and responsibilities'] },
  { id: 'dpo', phrases: ['dpo', 'data protection officer', 'privacy officer', 'chief privacy officer', 'cpo', 'privacy team', 'privacy program', 'privacy programme'] },
  { id: 'gdpr', phrases: ['gdpr', 'general data protection regulation', 'eu gdpr', 'uk gdpr', 'data protection act', 'lgpd', 'pipeda', 'privacy regulations', 'privacy regulation', 'privacy laws', 'privacy law', 'data protection laws', 'data protection law'] },
  { id: 'ccpa', phrases: ['ccpa', 'cpra', 'california consumer privacy act'] },
  { id: 'hipaa', phrases: ['hipaa', 'hitech', 'health insurance portability and accountability act', 'baa', 'business associate agreement', 'business associate'] },
  { id: 'pci', phrases: ['pci', 'pci dss', 'payment card industry', 'cardholder data', 'card data', 'credit card data', 'payment card data', 'credit card', 'credit cards', 'payment card', 'payment cards'] },
  { id: 'fedramp', phrases: ['fedramp', 'fisma', 'stateramp', 'govramp', 'nist 800 53', 'nist 800 171', 'cmmc'] },
  { id: 'dpa', phrases: ['dpa', 'data processing agreement', 'data processing agreements', 'data processing addendum', 'data protection agreement', 'data protection addendum', 'scc', 'sccs', 'standard contractual clauses', 'data transfer agreement'] },
  { id: 'privacy-notice', phrases: ['privacy policy', 'privacy notice', 'privacy statement', 'public privacy policy', 'external policy', 'external notice'] },
  { id: 'dsar', phrases: ['dsar', 'dsars', 'dsr', 'data subject request', 'data subject requests', 'data subject access request', 'data subject access requests', 'data subject rights', 'right to be forgotten', 'right of access', 'right to erasure', 'individual rights', 'subject access'] },
  { id: 'insurance', phrases: ['cyber insurance', 'cyber liability insurance', 'cyber liability', 'insurance', 'insured', 'insurance coverage', 'insurance policy', 'errors and omissions'] },
  { id: 'change-mgmt', phrases: ['change management', 'change control', 'change request', 'change requests', 'change advisory board', 'cab', 'change approval', 'changes to production', 'change process', 'changes are tested', 'changes tested', 'changes', 'change', 'release management'] },
  { id: 'config-mgmt', phrases: ['configuration management', 'baseline configuration', 'baseline configurations', 'configuration baselines', 'configuration baseline', 'baselines', 'baseline', 'secure configuration', 'secure configurations', 'hardening', 'hardened', 'harden', 'cis benchmark', 'cis benchmarks', 'golden image', 'golden images', 'infrastructure as code', 'iac', 'terraform', 'misconfiguration', 'misconfigurations', 'configuration drift'] },
  { id: 'code-review', phrases: ['code review', 'code reviews', 'code reviewed', 'peer review', 'peer reviews', 'peer reviewed', 'pull request', 'pull requests', 'merge request', 'merge requests', 'four eyes', 'branch protection'] },
  { id: 'sast', phrases: ['source code analysis', 'code analysis', 'sast', 'static analysis', 'static application security testing', 'static code analysis', 'dast', 'dynamic application security testing', 'dynamic analysis', 'application security testing', 'security testing', 'automated security scanning', 'security scanning', 'code scanning', 'fuzzing', 'iast'] },
  { id: 'supply-chain', phrases: ['sca', 'software composition analysis', 'dependency scanning', 'dependencies', 'dependency', 'open source components', 'open source', 'third party libraries', 'open source libraries', 'third party or open source libraries', 'software supply chain', 'supply chain', 'sbom', 'software bill of materials', 'dependabot'] },
  { id: 'endpoint-mgmt', phrases: ['mdm', 'mobile device management', 'device management', 'endpoint management', 'managed devices', 'managed device', 'byod', 'bring your own device', 'workstation', 'workstations', 'laptop', 'laptops', 'endpoints', 'endpoint', 'mobile devices', 'employee devices', 'company devices', 'screen lock'] },
  { id: 'remote-access', phrases: ['remote access', 'vpn', 'vpns', 'virtual private network', 'zero trust', 'ztna', 'remote working', 'remote work', 'telework', 'teleworking', 'work remotely', 'working remotely', 'remotely', 'trusted computing environment'] },
  { id: 'vdp', phrases: ['responsible disclosure', 'vulnerability disclosure', 'vulnerability disclosure program', 'vdp', 'bug bounty', 'bug bounties', 'coordinated disclosure', 'security txt', 'report vulnerabilities', 'reported vulnerabilities', 'security researchers'] },
  { id: 'session', phrases: ['session timeout', 'session timeouts', 'session management', 'idle timeout', 'inactivity timeout', 'session expiration', 'session expiry', 'automatic logout', 'auto logout', 'sessions', 'session', 'inactivity'] },
  { id: 'lockout', phrases: ['account lockout', 'lockout', 'locked out', 'failed login attempts', 'failed login', 'failed logins', 'brute force', 'login attempts', 'rate limiting', 'rate limit', 'rate limits', 'throttling'] },
  { id: 'api', phrases: ['api', 'apis', 'application programming interface', 'application programming interfaces', 'api security', 'rest api', 'web services', 'web service', 'endpoints exposed'] },
  { id: 'input-validation', phrases: ['input validation', 'data input validation', 'validate input', 'validate inputs', 'sanitize inputs', 'sanitize input', 'injection', 'sql injection', 'xss', 'cross site scripting', 'owasp', 'owasp top 10', 'owasp top ten', 'csrf', 'cross site request forgery', 'data inputs'] },
  { id: 'secrets', phrases: ['secrets', 'secret', 'secret management', 'secrets management', 'api keys', 'api key', 'vault', 'hashicorp vault', 'secrets manager', 'hard coded credentials', 'hardcoded credentials'] },
  { id: 'availability', phrases: ['sla', 'slas', 'uptime', 'availability', 'service level', 'service levels', 'service level agreement', 'service level agreements', '99 9', '99 95', '99 99', 'downtime', 'outage', 'outages', 'status page'] },
  { id: 'capacity', phrases: ['capacity planning', 'capacity management', 'capacity', 'scalability', 'auto scaling', 'autoscaling', 'performance monitoring', 'resource utilization'] },
  { id: 'audit', phrases: ['audit', 'audits', 'audited', 'auditor', 'auditors', 'assurance', 'independent audit', 'external audit', 'third party audit', 'attestation', 'attestations', 'attested', 'independent assessment', 'independent assessments', 'independent security assessments', 'certification', 'certifications', 'certified', 'compliance report', 'compliance reports', 'audit report', 'audit reports', 'independently validated', 'security framework', 'security frameworks', 'compliance framework', 'compliance frameworks', 'control framework', 'control frameworks'] },
  { id: 'nda', phrases: ['nda', 'ndas', 'non disclosure agreement', 'non disclosure agreements', 'nondisclosure agreement', 'confidentiality agreement', 'confidentiality agreements', 'non disclosure'] },
  { id: 'acceptable-use', phrases: ['acceptable use', 'acceptable use policy', 'aup', 'rules of behavior', 'rules of behaviour', 'code of conduct'] },
  // An inventory of the data itself (what personal data is held where), not of the devices and systems.
  { id: 'data-inventory', phrases: ['data inventory', 'data inventories', 'inventory of data', 'inventories of data', 'record of processing activities', 'records of processing activities', 'ropa'] },
  { id: 'asset-inventory', phrases: ['asset inventory', 'asset inventories', 'asset management', 'inventory', 'inventories', 'asset register', 'cmdb', 'hardware inventory', 'software inventory', 'assets', 'asset'] },
  { id: 'tenant-isolation', phrases: ['multi tenant', 'multi tenancy', 'multitenant', 'multitenancy', 'tenant isolation', 'tenant separation', 'logical separation', 'logically separated', 'logically segregated', 'data segregation', 'segregation of customer data', 'segregate customer data', 'commingled', 'co mingled', 'shared infrastructure', 'isolation'] },
  { id: 'anonymization', phrases: ['anonymize', 'anonymise', 'anonymized', 'anonymised', 'anonymization', 'anonymisation', 'pseudonymize', 'pseudonymise', 'pseudonymized', 'pseudonymization', 'pseudonymisation', 'de identification', 'de identified', 'deidentified', 'masking', 'data masking', 'masked', 'data tokenization', 'data tokenisation', 'tokenized data'] },
  { id: 'ai', phrases: ['ai', 'artificial intelligence', 'machine learning', 'ml', 'llm', 'llms', 'large language model', 'large language models', 'generative ai', 'genai', 'gen ai', 'ai models', 'ai model', 'model training', 'train models', 'training models'] },
  { id: 'email-security', phrases: ['email security', 'e mail security', 'spf', 'dkim', 'dmarc', 'phishing protection', 'email filtering', 'spam filtering', 'email gateway'] },
  { id: 'time-sync', phrases: ['ntp', 'time synchronization', 'time synchronisation', 'clock synchronization', 'synchronized clocks', 'time source'] },
  { id: 'threat-intel', phrases: ['threat intelligence', 'threat intel', 'threat feeds', 'threat feed', 'threat hunting', 'threat landscape'] },
  { id: 'non-production', phrases: ['test environment', 'test environments', 'non production', 'nonproduction', 'staging', 'development environment', 'development environments', 'test data', 'production data in test', 'sandbox', 'lower environments', 'separate environments'] },
  { id: 'accessibility', phrases: ['accessibility', 'wcag', 'vpat', 'section 508', 'ada compliance', 'screen reader', 'screen readers', 'assistive technology', 'accessible'] },
  { id: 'data-return', phrases: ['exiting the service', 'exit the service', 'service exit', 'exit plan', 'data portability', 'data export', 'export data', 'export their data', 'return of data', 'return data', 'retrieve data', 'retrieve their data', 'data return', 'end of contract', 'contract termination', 'termination of the contract', 'exit plan'] },
  { id: 'personnel', phrases: ['employee', 'employees', 'staff', 'staff members', 'personnel', 'workforce', 'contractors', 'contractor', 'workers', 'team members', 'new hires', 'new hire', 'hires', 'people'] },
  { id: 'customer', phrases: ['csc', 'cscs', 'cloud service customer', 'cloud service customers', 'customer', 'customers', 'client', 'clients', 'tenant', 'tenants', 'institution', 'institutional', 'institutions', 'buyer'] },
  { id: 'annual', phrases: ['annually', 'annual', 'yearly', 'every year', 'once a year', 'each year', 'per year', 'per annum', '12 months', 'twelve months', 'past year', 'last year'] },
  { id: 'periodic', phrases: ['quarterly', 'every quarter', 'each quarter', 'every three months', 'every 3 months', 'recurring basis', 'periodic basis', 'periodically', 'periodic', 'regular basis', 'regularly', 'recurring'] },
  { id: 'authentication', phrases: ['authentication', 'authenticate', 'authenticated', 'authenticating', 'login', 'log in', 'logon', 'log on', 'sign in', 'signin', 'sign on'] },
  { id: 'authorization', phrases: ['authorization', 'authorisation', 'authorize', 'authorise', 'authorized', 'authorised', 'permissions', 'permission', 'entitlements', 'entitlement', 'access control', 'access controls', 'access management', 'identity and access management', 'iam'] },
  { id: 'governance', phrases: ['governance', 'oversight', 'board', 'steering committee', 'committee', 'management review', 'executive management', 'leadership'] },
  { id: 'compliance', phrases: ['compliance', 'compliant', 'comply', 'complies', 'regulatory', 'regulations', 'regulation', 'legal requirements', 'statutory', 'contractual requirements', 'obligations'] },
  { id: 'privacy-by-design', phrases: ['privacy by design', 'privacy impact assessment', 'privacy impact assessments', 'pia', 'dpia', 'dpias', 'data protection impact assessment', 'data protection impact assessments', 'data protection by design', 'protection by design', 'privacy by default', 'protection by default', 'by design and default', 'by design and by default'] },
];

/**
 * The wording of regulation and control texts (HIPAA Security Rule, PCI DSS, SOC 2 criteria, NIST SP 800-53 /
 * 800-171 / CSF) for the concepts above, so that a control text meets the library's CAIQ wording of the same thing
 * ("audit controls" are logging, "business associates" and "external system services" are third parties). Written
 * from the terms' general meaning as the public glossaries give it: NIST CSRC glossary (csrc.nist.gov/glossary),
 * HHS's HIPAA Security Rule (45 CFR 164.308-164.312) and the PCI DSS v4.0 glossary. A phrase here joins the group of
 * the same id (or makes a new group); its words keep their own meaning as any phrase's do.
 */
const REGULATION_WORDING: readonly ConceptGroup[] = [
  // HIPAA 164.312(b) "Audit controls"; NIST AU "audit and accountability", "event logging".
  { id: 'logging', phrases: ['audit controls', 'audit control', 'audit and accountability', 'event logging', 'audit events', 'audit logging', 'record and examine activity', 'examine activity'] },
  // HIPAA "business associate contracts"; NIST SA-9 "external system services", 800-171 "external service providers".
  { id: 'third-party', phrases: ['business associate', 'business associates', 'business associate contracts', 'business associate contract', 'external system services', 'external system service', 'external service providers', 'external service provider', 'external providers', 'third party service providers', 'third party service provider'] },
  // PCI DSS 2.2 "configuration standards"; NIST CM-7 / 800-171 3.4.6 "least functionality".
  { id: 'config-mgmt', phrases: ['configuration standards', 'configuration standard', 'system configuration standards', 'least functionality', 'essential capabilities', 'unnecessary services', 'nonessential', 'non essential'] },
  // HIPAA 164.310(b) "Workstation use": the rules for using organisation assets.
  { id: 'acceptable-use', phrases: ['workstation use', 'proper use', 'appropriate use', 'permitted use', 'use of assets'] },
  // HIPAA 164.308(a)(5)(ii)(A) "Security reminders".
  { id: 'training', phrases: ['security reminders', 'security reminder', 'awareness and training'] },
  // HIPAA 164.308(a)(7)(ii)(C) "Emergency mode operation plan"; NIST "continuity of operations" (COOP).
  { id: 'bcp', phrases: ['emergency mode operation', 'emergency mode operations', 'emergency mode operation plan', 'emergency mode', 'continuity of operations', 'coop', 'continuation of critical business processes', 'critical business processes'] },
  // CCM DCS-07 "Controlled access points", ISO/IEC 27001 A.7.2 "Physical entry", A.7.6 "secure areas".
  { id: 'datacenter', phrases: ['controlled access points', 'physical entry', 'physical entry controls', 'entry points', 'secure areas', 'secure area', 'facility access', 'facility access controls', 'physical protections'] },
  // HIPAA 164.312(a)(2)(iv) "Encryption and decryption".
  { id: 'encryption', phrases: ['decrypt', 'decryption', 'decrypted'] },
  { id: 'code-review', phrases: ['protected branches', 'protected branch'] },
  // NIST AC-3 "Access enforcement".
  { id: 'authorization', phrases: ['access enforcement', 'enforce approved authorizations', 'approved authorizations'] },
  // NIST CA / 800-171 3.12.1: assessing whether the security controls are effective is an assurance activity.
  { id: 'audit', phrases: ['assess the security controls', 'security control assessment', 'security control assessments', 'control assessment', 'control assessments', 'controls are effective', 'effectiveness of controls', 'effectiveness of the controls', 'internal control'] },
  // HIPAA 164.308(a)(7)(ii)(E) "Applications and data criticality analysis": a business impact analysis (NIST CSRC).
  { id: 'bia', phrases: ['bia', 'business impact analysis', 'business impact analyses', 'business impact assessment', 'criticality analysis', 'data criticality analysis', 'criticality assessment', 'impact analysis'] },
  // PCI DSS 10.4 "audit logs ... are reviewed", HIPAA 164.308(a)(5)(ii)(C) "Log-in monitoring": log review and monitoring.
  { id: 'siem', phrases: ['logs are reviewed', 'logs reviewed', 'review of logs', 'review logs', 'reviewing logs', 'log reviews', 'log in monitoring', 'login monitoring', 'monitoring log in attempts'] },
  // Media sanitization (NIST SP 800-88, HIPAA 164.310(d) "Disposal", "Media re-use", PCI DSS 9.4.7 "rendered
  // unrecoverable"): the media's data made unrecoverable before disposal or re-use.
  { id: 'deletion', phrases: ['final disposition', 'media re use', 'media reuse', 'reuse of media', 'unrecoverable', 'rendered unrecoverable', 'not recoverable', 'degauss', 'degaussing', 'cryptographic wiping'] },
  // HIPAA 164.308(a)(7)(ii)(A) "Data backup plan": "retrievable exact copies"; a backup is a copy kept for recovery.
  { id: 'backup', phrases: ['data backup plan', 'exact copies', 'retrievable exact copies', 'backup copies', 'backup copy', 'copies of data'] },
  // HIPAA 164.312(d) "Person or entity authentication"; NIST IA "identification and authentication".
  { id: 'authentication', phrases: ['entity authentication', 'person or entity authentication', 'identification and authentication', 'verify identity', 'verify the identity'] },
  // Findings and their corrective action: SOC 2 CC4.2 "internal control deficiencies", ISO/IEC 27001 10.2
  // "Nonconformity and corrective action", NIST CA-5 "Plan of action and milestones".
  { id: 'findings', phrases: ['findings', 'audit findings', 'deficiencies', 'control deficiencies', 'corrective action', 'corrective actions', 'corrective action plan', 'plan of action and milestones', 'poam', 'nonconformity', 'nonconformities'] },
  // NIST AU-9 "Protection of audit information", CCM IAM-12 "Safeguard logs integrity": the logs' own protection.
  // Sealed: "audit log security" is about logs, not an audit.
  { id: 'log-protection', phrases: ['log integrity', 'logs integrity', 'integrity of logs', 'integrity of audit logs', 'audit log security', 'log security', 'protection of audit information', 'protect audit information', 'tamper', 'tampering', 'tamper proof', 'write once', 'immutable logs'], also: ['logging'], sealed: true },
  // ISO/IEC 27001 A.8.14 "Redundancy of information processing facilities", NIST CP-7 "Alternate processing site".
  { id: 'redundancy', phrases: ['redundancy', 'redundant', 'redundancies', 'high availability', 'availability zones', 'availability zone', 'multi region', 'alternate processing site', 'alternate site', 'alternate sites'] },
  // CIS 3.1 "Data management process", the CAIQ "handling of data throughout its lifecycle".
  { id: 'data-handling', phrases: ['data management', 'data management process', 'data handling', 'handling of data', 'data lifecycle', 'data life cycle', 'information handling', 'handling of information'] },
];

function mergeGroups(base: readonly ConceptGroup[], extra: readonly ConceptGroup[]): ConceptGroup[] {
  const out = base.map((g) => ({ ...g }));
  for (const g of extra) {
    const same = out.find((o) => o.id === g.id);
    if (same) same.phrases = [...same.phrases, ...g.phrases.filter((p) => !same.phrases.includes(p))];
    else out.push({ ...g });
  }
  return out;
}

export const CONCEPT_GROUPS: readonly ConceptGroup[] = mergeGroups(BASE_GROUPS, REGULATION_WORDING);
