namespace Integration.Web.Ui;

/// <summary>
/// Every piece of interface text, English and Khmer side by side (one place to translate; a test checks that
/// each has Khmer script). Data (names, addresses) is shown as the registers hold it.
/// </summary>
internal static class Texts
{
    // Frame
    public static readonly Text AppName = new("NSSF cross-registry compliance", "ប្រព័ន្ធអនុលោមភាព ប.ស.ស. ឆ្លងបញ្ជី");
    public static readonly Text AppShort = new("NSSF compliance", "អនុលោមភាព ប.ស.ស.");
    public static readonly Text SkipToContent = new("Skip to content", "រំលងទៅខ្លឹមសារ");
    public static readonly Text Menu = new("Menu", "ម៉ឺនុយ");
    public static readonly Text Home = new("Home", "ទំព័រដើម");
    public static readonly Text Language = new("Language", "ភាសា");
    public static readonly Text SignedInAs = new("Signed in as {0}", "បានចូលជា {0}");
    public static readonly Text National = new("National", "ទូទាំងប្រទេស");
    public static readonly Text ScopeOf = new("Province: {0}", "ខេត្ត៖ {0}");
    public static readonly Text Print = new("Print", "បោះពុម្ព");
    public static readonly Text Filter = new("Filter", "ត្រង");
    public static readonly Text Clear = new("Clear", "សម្អាត");
    public static readonly Text Save = new("Save", "រក្សាទុក");
    public static readonly Text Previous = new("Previous", "មុន");
    public static readonly Text Next = new("Next", "បន្ទាប់");
    public static readonly Text PageOf = new("Page {0} of {1}", "ទំព័រ {0} នៃ {1}");
    public static readonly Text RowsTotal = new("{0} in all", "សរុប {0}");
    public static readonly Text All = new("All", "ទាំងអស់");
    public static readonly Text Any = new("Any", "ណាមួយ");
    public static readonly Text None = new("None", "គ្មាន");
    public static readonly Text Yes = new("Yes", "បាទ/ចាស");
    public static readonly Text No = new("No", "ទេ");
    public static readonly Text RunAsOf = new("Run {0}, data as of {1}", "ដំណើរការ {0} ទិន្នន័យគិតត្រឹម {1}");
    public static readonly Text NoRunYet = new("No match run yet: ingest and match the registers first.", "មិនទាន់មានការផ្គូផ្គងនៅឡើយ៖ សូមនាំចូល និងផ្គូផ្គងបញ្ជីជាមុនសិន។");
    public static readonly Text Saved = new("Saved.", "បានរក្សាទុក។");
    public static readonly Text ExportCsv = new("Export CSV", "នាំចេញ CSV");
    public static readonly Text ExportXlsx = new("Export Excel", "នាំចេញ Excel");

    // Sign-in and access
    public static readonly Text SignIn = new("Sign in", "ចូលប្រើ");
    public static readonly Text SignOut = new("Sign out", "ចាកចេញ");
    public static readonly Text SignInWithMinistry = new("Sign in with the ministry account", "ចូលប្រើដោយគណនីក្រសួង");
    public static readonly Text UserName = new("User name", "ឈ្មោះអ្នកប្រើ");
    public static readonly Text Password = new("Password", "ពាក្យសម្ងាត់");
    public static readonly Text WrongNameOrPassword = new("Wrong user name or password.", "ឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវ។");
    public static readonly Text LockedOut = new("Too many wrong passwords: the account is locked for a while. Try again later or ask an administrator.", "បញ្ចូលពាក្យសម្ងាត់ខុសច្រើនដងពេក៖ គណនីត្រូវបានចាក់សោមួយរយៈ។ សូមព្យាយាមម្តងទៀតនៅពេលក្រោយ ឬសួរអ្នកគ្រប់គ្រង។");
    public static readonly Text AccountDisabled = new("This account is disabled. Ask an administrator.", "គណនីនេះត្រូវបានបិទ។ សូមសួរអ្នកគ្រប់គ្រង។");
    public static readonly Text Denied = new("You do not have access to this page", "អ្នកមិនមានសិទ្ធិចូលទំព័រនេះទេ");
    public static readonly Text DeniedDetail = new("Your account's roles do not include this page. Ask an administrator if you need it.", "តួនាទីនៃគណនីរបស់អ្នកមិនរួមបញ្ចូលទំព័រនេះទេ។ សូមសួរអ្នកគ្រប់គ្រងប្រសិនបើអ្នកត្រូវការ។");
    public static readonly Text NotInScope = new("This firm is outside your province.", "សហគ្រាសនេះស្ថិតនៅក្រៅខេត្តរបស់អ្នក។");
    public static readonly Text YourPages = new("Your pages", "ទំព័ររបស់អ្នក");

    // Navigation
    public static readonly Text NavCheck = new("Licence check", "ពិនិត្យអាជ្ញាប័ណ្ណ");
    public static readonly Text NavLeads = new("Leads", "សហគ្រាសត្រូវចុះបញ្ជី");
    public static readonly Text NavTargets = new("Inspection targets", "គោលដៅអធិការកិច្ច");
    public static readonly Text NavReview = new("Review queue", "ជួរត្រួតពិនិត្យការផ្គូផ្គង");
    public static readonly Text NavOperations = new("Operations", "ប្រតិបត្តិការ");
    public static readonly Text NavCoverage = new("Coverage", "ការគ្របដណ្តប់ ប.ស.ស.");
    public static readonly Text NavAccounts = new("Accounts", "គណនី");
    public static readonly Text NavAudit = new("Audit log", "កំណត់ហេតុសវនកម្ម");
    public static readonly Text DescCheck = new("ALLOW, BLOCK or REVIEW at licence renewal, with reasons.", "អនុញ្ញាត បដិសេធ ឬពិនិត្យបន្ថែម ពេលបន្តអាជ្ញាប័ណ្ណ ព្រមទាំងមូលហេតុ។");
    public static readonly Text DescLeads = new("Firms that employ people and are not registered with NSSF.", "សហគ្រាសដែលមានបុគ្គលិក តែមិនទាន់ចុះបញ្ជីនៅ ប.ស.ស.។");
    public static readonly Text DescTargets = new("Risk-ranked firms to visit in your province or district.", "សហគ្រាសតាមលំដាប់ហានិភ័យ សម្រាប់ចុះត្រួតពិនិត្យក្នុងខេត្ត ឬស្រុករបស់អ្នក។");
    public static readonly Text DescReview = new("Pairs of records the matcher is unsure of.", "គូកំណត់ត្រាដែលប្រព័ន្ធផ្គូផ្គងមិនប្រាកដ។");
    public static readonly Text DescOperations = new("Runs, data quality, quarantined rows, schedule, health.", "ដំណើរការ គុណភាពទិន្នន័យ ជួរដាក់ដាច់ដោយឡែក កាលវិភាគ សុខភាពប្រព័ន្ធ។");
    public static readonly Text DescCoverage = new("Workers on GDT returns against NSSF insured workers.", "កម្មករតាមលិខិតប្រកាសពន្ធ ធៀបនឹងកម្មករមានធានារ៉ាប់រងនៅ ប.ស.ស.។");

    // Registers and common fields
    public static readonly Text RegMoc = new("MoC", "ក្រសួងពាណិជ្ជកម្ម");
    public static readonly Text RegGdt = new("GDT", "អគ្គនាយកដ្ឋានពន្ធដារ");
    public static readonly Text RegNssf = new("NSSF", "ប.ស.ស.");
    public static readonly Text Register = new("Register", "បញ្ជី");
    public static readonly Text Key = new("Number", "លេខ");
    public static readonly Text File = new("File", "ឯកសារ");
    public static readonly Text Line = new("Line", "បន្ទាត់");
    public static readonly Text Name = new("Name", "ឈ្មោះ");
    public static readonly Text NameKm = new("Khmer name", "ឈ្មោះជាភាសាខ្មែរ");
    public static readonly Text Province = new("Province", "ខេត្ត/រាជធានី");
    public static readonly Text District = new("District", "ស្រុក/ខណ្ឌ");
    public static readonly Text Address = new("Address", "អាសយដ្ឋាន");
    public static readonly Text Phone = new("Phone", "ទូរស័ព្ទ");
    public static readonly Text Activity = new("Activity", "សកម្មភាពអាជីវកម្ម");
    public static readonly Text Sector = new("Sector", "វិស័យ");
    public static readonly Text Status = new("Status", "ស្ថានភាព");
    public static readonly Text FirstSeen = new("First seen", "ឃើញដំបូង");
    public static readonly Text Current = new("Current", "បច្ចុប្បន្ន");
    public static readonly Text Enterprise = new("Enterprise", "សហគ្រាស");
    public static readonly Text Workers = new("Workers", "បុគ្គលិក");
    public static readonly Text Link = new("Link", "ការភ្ជាប់");
    public static readonly Text Confidence = new("Confidence", "ភាពជឿជាក់");

    // Licence check
    public static readonly Text CheckTitle = new("Licence check", "ពិនិត្យអាជ្ញាប័ណ្ណ");
    public static readonly Text CheckBox = new("Registration number or firm name", "លេខចុះបញ្ជី ឬឈ្មោះសហគ្រាស");
    public static readonly Text CheckHint = new("Type a MoC registration number, or two letters or more of the name to search.", "វាយលេខចុះបញ្ជីក្រសួងពាណិជ្ជកម្ម ឬអក្សរពីរតួឡើងនៃឈ្មោះដើម្បីស្វែងរក។");
    public static readonly Text CheckButton = new("Check", "ពិនិត្យ");
    public static readonly Text CheckDate = new("Check date", "កាលបរិច្ឆេទពិនិត្យ");
    public static readonly Text SearchResults = new("Registrations matching “{0}”", "ការចុះបញ្ជីដែលត្រូវនឹង “{0}”");
    public static readonly Text NoMatch = new("No registration number or name matches “{0}”.", "គ្មានលេខចុះបញ្ជី ឬឈ្មោះណាត្រូវនឹង “{0}” ទេ។");
    public static readonly Text UnknownRegistration = new("Registration number {0} is not in the MoC register: no licence check can be made.", "លេខចុះបញ្ជី {0} មិនមានក្នុងបញ្ជីក្រសួងពាណិជ្ជកម្មទេ៖ មិនអាចពិនិត្យអាជ្ញាប័ណ្ណបានទេ។");
    public static readonly Text Allow = new("ALLOW", "អនុញ្ញាត");
    public static readonly Text Block = new("BLOCK", "បដិសេធ");
    public static readonly Text Review = new("REVIEW", "ត្រូវពិនិត្យបន្ថែម");
    public static readonly Text AllowMeans = new("The licence may be renewed.", "អាចបន្តអាជ្ញាប័ណ្ណបាន។");
    public static readonly Text BlockMeans = new("Do not renew until the firm is registered and up to date with NSSF.", "មិនត្រូវបន្តអាជ្ញាប័ណ្ណទេ រហូតដល់សហគ្រាសចុះបញ្ជី និងបង់ភាគទាន ប.ស.ស. គ្រប់គ្រាន់។");
    public static readonly Text ReviewMeans = new("Neither renew nor refuse yet: a matching clerk must confirm the records first.", "មិនទាន់បន្ត ឬបដិសេធទេ៖ មន្ត្រីផ្គូផ្គងត្រូវបញ្ជាក់កំណត់ត្រាជាមុនសិន។");
    public static readonly Text Reasons = new("Reasons", "មូលហេតុ");
    public static readonly Text PaidThrough = new("Paid through", "បានបង់រហូតដល់ខែ");
    public static readonly Text UnpaidMonths = new("Unpaid months", "ខែមិនទាន់បង់");
    public static readonly Text Due = new("Due (KHR)", "ត្រូវបង់ (រៀល)");
    public static readonly Text Paid = new("Paid (KHR)", "បានបង់ (រៀល)");
    public static readonly Text Outstanding = new("Outstanding (KHR)", "នៅជំពាក់ (រៀល)");
    public static readonly Text NoDeclaration = new("no declaration", "គ្មានការប្រកាស");
    public static readonly Text Arrears = new("Arrears", "ប្រាក់ជំពាក់");
    public static readonly Text Khr = new("{0} KHR", "{0} រៀល");
    public static readonly Text Month = new("Month", "ខែ");
    public static readonly Text RecordsBehind = new("Records the answer rests on", "កំណត់ត្រាដែលចម្លើយនេះផ្អែកលើ");
    public static readonly Text PrintSlip = new("Print slip", "បោះពុម្ពប័ណ្ណ");
    public static readonly Text SlipTitle = new("Licence check slip", "ប័ណ្ណលទ្ធផលពិនិត្យអាជ្ញាប័ណ្ណ");
    public static readonly Text CheckId = new("Check no.", "លេខការពិនិត្យ");
    public static readonly Text CheckedBy = new("Checked by", "ពិនិត្យដោយ");
    public static readonly Text CheckedAt = new("Checked at", "ពេលពិនិត្យ");
    public static readonly Text MatchRun = new("Match run", "ដំណើរការផ្គូផ្គង");
    public static readonly Text AsOf = new("As of", "គិតត្រឹម");
    public static readonly Text RecentChecks = new("Your recent checks", "ការពិនិត្យថ្មីៗរបស់អ្នក");
    public static readonly Text NoRecentChecks = new("You have made no check yet.", "អ្នកមិនទាន់បានពិនិត្យនៅឡើយទេ។");
    public static readonly Text Decision = new("Decision", "សេចក្តីសម្រេច");

    // Leads
    public static readonly Text LeadsTitle = new("Leads: firms to register with NSSF", "សហគ្រាសដែលត្រូវចុះបញ្ជីនៅ ប.ស.ស.");
    public static readonly Text NewOnly = new("New since the previous run only", "តែថ្មីចាប់ពីដំណើរការមុនប៉ុណ្ណោះ");
    public static readonly Text MinWorkers = new("Workers from", "បុគ្គលិកចាប់ពី");
    public static readonly Text MaxWorkers = new("Workers up to", "បុគ្គលិករហូតដល់");
    public static readonly Text SortBy = new("Sort by", "តម្រៀបតាម");
    public static readonly Text SortNewest = new("Newest first", "ថ្មីបំផុតមុន");
    public static readonly Text Descending = new("Largest first", "ធំបំផុតមុន");
    public static readonly Text EmployeesEvidence = new("Headcount evidence", "ភស្តុតាងចំនួនបុគ្គលិក");
    public static readonly Text IsNew = new("New", "ថ្មី");
    public static readonly Text NoLeads = new("No lead matches these filters.", "គ្មានសហគ្រាសណាត្រូវនឹងលក្ខខណ្ឌនេះទេ។");
    public static readonly Text LeadRecords = new("The firm's records in all registers", "កំណត់ត្រារបស់សហគ្រាសក្នុងបញ្ជីទាំងអស់");
    public static readonly Text EmploysEvidence = new("Evidence that the firm employs people", "ភស្តុតាងថាសហគ្រាសមានបុគ្គលិក");
    public static readonly Text EvidenceSentence = new("{0} workers, from the {1} record {2}.", "បុគ្គលិក {0} នាក់ តាមកំណត់ត្រា {1} លេខ {2}។");
    public static readonly Text NotALead = new("This firm is not on the current lead list.", "សហគ្រាសនេះមិនស្ថិតក្នុងបញ្ជីបច្ចុប្បន្នទេ។");
    public static readonly Text ChangeStatus = new("Change the status", "ប្តូរស្ថានភាព");
    public static readonly Text Note = new("Note", "កំណត់សម្គាល់");
    public static readonly Text History = new("Status history", "ប្រវត្តិស្ថានភាព");
    public static readonly Text NoHistory = new("No status set yet.", "មិនទាន់មានការកំណត់ស្ថានភាពទេ។");
    public static readonly Text SetBy = new("Set by", "កំណត់ដោយ");
    public static readonly Text When = new("When", "ពេលវេលា");
    public static readonly Text GdtReturn = new("GDT salary-tax return", "លិខិតប្រកាសពន្ធលើប្រាក់បៀវត្ស");
    public static readonly Text Declared = new("Declared employees", "បុគ្គលិកបានប្រកាស");
    public static readonly Text Insured = new("Insured workers", "កម្មករមានធានារ៉ាប់រង");
    public static readonly Text Contributions = new("NSSF contributions in the look-back window", "ភាគទាន ប.ស.ស. ក្នុងរយៈពេលពិនិត្យ");

    // Lead statuses
    public static readonly Text StatusNew = new("New", "ថ្មី");
    public static readonly Text StatusContacted = new("Contacted", "បានទាក់ទង");
    public static readonly Text StatusRegistered = new("Registered", "បានចុះបញ្ជី");
    public static readonly Text StatusNotLiable = new("Not liable", "មិនស្ថិតក្រោមកាតព្វកិច្ច");
    public static readonly Text StatusDuplicate = new("Duplicate", "ស្ទួន");

    // Targets
    public static readonly Text TargetsTitle = new("Inspection targets", "គោលដៅអធិការកិច្ច");
    public static readonly Text Capacity = new("Visits (capacity)", "ចំនួនទស្សនកិច្ច (សមត្ថភាព)");
    public static readonly Text Rank = new("Rank", "លំដាប់");
    public static readonly Text RiskScore = new("Risk score", "ពិន្ទុហានិភ័យ");
    public static readonly Text Factors = new("Factors (points)", "កត្តា (ពិន្ទុ)");
    public static readonly Text GdtEmployees = new("GDT workers", "បុគ្គលិកតាមពន្ធដារ");
    public static readonly Text NssfInsured = new("NSSF insured", "មានធានារ៉ាប់រង ប.ស.ស.");
    public static readonly Text LastInspected = new("Last inspected", "អធិការកិច្ចចុងក្រោយ");
    public static readonly Text VisitSheet = new("Visit sheet", "សន្លឹកចុះត្រួតពិនិត្យ");
    public static readonly Text VisitDate = new("Visit date", "ថ្ងៃចុះ");
    public static readonly Text VisitOutcome = new("Outcome", "លទ្ធផល");
    public static readonly Text Signature = new("Inspector's signature", "ហត្ថលេខាអធិការ");
    public static readonly Text ChartTitle = new("Targets and uncovered workers by district", "គោលដៅ និងកម្មករគ្មានធានារ៉ាប់រង តាមស្រុក/ខណ្ឌ");
    public static readonly Text Targets = new("Targets", "គោលដៅ");
    public static readonly Text UncoveredWorkers = new("Uncovered workers", "កម្មករគ្មានធានារ៉ាប់រង");
    public static readonly Text NoTargets = new("No target in this place.", "គ្មានគោលដៅនៅទីនេះទេ។");
    public static readonly Text ChooseProvince = new("Choose a province to see its districts.", "សូមជ្រើសរើសខេត្តដើម្បីមើលស្រុក/ខណ្ឌ។");

    // Target factors (src/Alerts/Targets/TargetScorer.cs)
    public static readonly Text FactorNotRegistered = new("Not registered with NSSF", "មិនបានចុះបញ្ជីនៅ ប.ស.ស.");
    public static readonly Text FactorGdtEmployees = new("Workers on GDT returns beyond NSSF insured", "កម្មករតាមពន្ធដារលើសកម្មករមានធានារ៉ាប់រង");
    public static readonly Text FactorArrearsMonths = new("Months unpaid", "ខែមិនទាន់បង់");
    public static readonly Text FactorArrearsKhr = new("Contributions outstanding (KHR)", "ភាគទាននៅជំពាក់ (រៀល)");
    public static readonly Text FactorSector = new("High-risk sector", "វិស័យហានិភ័យខ្ពស់");
    public static readonly Text FactorSize = new("Size", "ទំហំសហគ្រាស");
    public static readonly Text FactorNeverInspected = new("Never inspected", "មិនធ្លាប់ចុះអធិការកិច្ច");
    public static readonly Text FactorLastInspected = new("Months since the last inspection", "ចំនួនខែតាំងពីអធិការកិច្ចចុងក្រោយ");

    // Review
    public static readonly Text ReviewTitle = new("Review queue", "ជួរត្រួតពិនិត្យការផ្គូផ្គង");
    public static readonly Text ReviewHint = new("Are these two records the same firm? Keys: A accept, R reject, S skip.", "តើកំណត់ត្រាទាំងពីរនេះជាសហគ្រាសតែមួយឬ? គ្រាប់ចុច៖ A ទទួលយក R បដិសេធ S រំលង។");
    public static readonly Text Accept = new("Same firm (A)", "សហគ្រាសតែមួយ (A)");
    public static readonly Text Reject = new("Different firms (R)", "សហគ្រាសផ្សេងគ្នា (R)");
    public static readonly Text Skip = new("Skip (S)", "រំលង (S)");
    public static readonly Text Probability = new("Probability", "ប្រូបាប៊ីលីតេ");
    public static readonly Text Agrees = new("agrees", "ត្រូវគ្នា");
    public static readonly Text Disagrees = new("disagrees", "មិនត្រូវគ្នា");
    public static readonly Text Missing = new("missing", "គ្មានទិន្នន័យ");
    public static readonly Text Field = new("Field", "វាល");
    public static readonly Text Evidence = new("Evidence", "ភស្តុតាង");
    public static readonly Text QueueEmpty = new("No pair is waiting for review.", "គ្មានគូកំណត់ត្រារង់ចាំការត្រួតពិនិត្យទេ។");
    public static readonly Text DecisionRecorded = new("Recorded: {0}. It applies from the next match run on.", "បានកត់ត្រា៖ {0}។ វាអនុវត្តចាប់ពីការផ្គូផ្គងលើកក្រោយ។");
    public static readonly Text NextInQueue = new("Next in the queue", "បន្ទាប់ក្នុងជួរ");
    public static readonly Text FieldName = new("Name", "ឈ្មោះ");
    public static readonly Text FieldTin = new("Tax number (TIN)", "លេខអត្តសញ្ញាណកម្មសារពើពន្ធ");
    public static readonly Text FieldMocNo = new("MoC registration", "លេខចុះបញ្ជីពាណិជ្ជកម្ម");
    public static readonly Text FieldPlace = new("Place", "ទីតាំង");
    public static readonly Text FieldEmail = new("Email", "អ៊ីមែល");
    public static readonly Text FieldIsic = new("Activity class", "ប្រភេទសកម្មភាព");
    public static readonly Text FieldHouse = new("House number", "ផ្ទះលេខ");

    // Operations
    public static readonly Text OperationsTitle = new("Operations", "ប្រតិបត្តិការ");
    public static readonly Text Health = new("Health", "សុខភាពប្រព័ន្ធ");
    public static readonly Text Healthy = new("healthy", "ល្អ");
    public static readonly Text Unhealthy = new("unhealthy", "មានបញ្ហា");
    public static readonly Text Database = new("Database", "មូលដ្ឋានទិន្នន័យ");
    public static readonly Text Jobs = new("Scheduled jobs", "ការងារតាមកាលវិភាគ");
    public static readonly Text Job = new("Job", "ការងារ");
    public static readonly Text Schedule = new("Schedule (UTC)", "កាលវិភាគ (UTC)");
    public static readonly Text NextRun = new("Next run", "ដំណើរការបន្ទាប់");
    public static readonly Text LastOutcome = new("Last outcome", "លទ្ធផលចុងក្រោយ");
    public static readonly Text IngestRuns = new("Ingest runs", "ដំណើរការនាំចូលទិន្នន័យ");
    public static readonly Text MatchRuns = new("Match runs", "ដំណើរការផ្គូផ្គង");
    public static readonly Text AlertRuns = new("Alerts runs", "ដំណើរការជូនដំណឹង");
    public static readonly Text Run = new("Run", "ដំណើរការ");
    public static readonly Text Started = new("Started", "ចាប់ផ្តើម");
    public static readonly Text Outcome = new("Outcome", "លទ្ធផល");
    public static readonly Text Files = new("Files", "ឯកសារ");
    public static readonly Text RowsRead = new("Rows read", "ជួរបានអាន");
    public static readonly Text RowsLoaded = new("Loaded", "បានផ្ទុក");
    public static readonly Text RowsQuarantined = new("Quarantined", "ដាក់ដាច់ដោយឡែក");
    public static readonly Text Checks = new("Checks", "ការពិនិត្យ");
    public static readonly Text Leads = new("Leads", "សហគ្រាសត្រូវចុះបញ្ជី");
    public static readonly Text QualityReport = new("Data-quality report", "របាយការណ៍គុណភាពទិន្នន័យ");
    public static readonly Text QuarantineTitle = new("Quarantined rows of {0}", "ជួរដាក់ដាច់ដោយឡែកនៃ {0}");
    public static readonly Text Reason = new("Reason", "មូលហេតុ");
    public static readonly Text Message = new("Message", "សារ");
    public static readonly Text RawText = new("Raw text as delivered", "អត្ថបទដើមដូចដែលបានផ្ញើ");
    public static readonly Text RejectedFile = new("Whole file refused: {0}", "ឯកសារទាំងមូលត្រូវបានបដិសេធ៖ {0}");
    public static readonly Text NationalOnly = new("Quarantined rows are not yet placed in a province: a national operations account sees them.", "ជួរដាក់ដាច់ដោយឡែកមិនទាន់បានកំណត់ខេត្តទេ៖ មានតែគណនីប្រតិបត្តិការថ្នាក់ជាតិទេដែលអាចមើលបាន។");
    public static readonly Text Summary = new("Summary", "សេចក្តីសង្ខេប");

    // Coverage
    public static readonly Text CoverageTitle = new("NSSF coverage", "ការគ្របដណ្តប់របស់ ប.ស.ស.");
    public static readonly Text CoverageIntro = new("Firms with a GDT salary-tax headcount in the last {0} months: their workers on the returns against the workers their active NSSF employers insure.", "សហគ្រាសដែលមានចំនួនបុគ្គលិកតាមលិខិតប្រកាសពន្ធលើប្រាក់បៀវត្សក្នុងរយៈពេល {0} ខែចុងក្រោយ៖ កម្មករតាមលិខិតប្រកាស ធៀបនឹងកម្មករដែលនិយោជក ប.ស.ស. សកម្មបានធានារ៉ាប់រង។");
    public static readonly Text GdtWorkers = new("Workers on GDT returns", "កម្មករតាមលិខិតប្រកាសពន្ធ");
    public static readonly Text NssfWorkers = new("NSSF insured workers", "កម្មករមានធានារ៉ាប់រងនៅ ប.ស.ស.");
    public static readonly Text EstimatedUncovered = new("Estimated uncovered workers", "កម្មករគ្មានធានារ៉ាប់រង (ប៉ាន់ស្មាន)");
    public static readonly Text ShareUncovered = new("Share uncovered", "ភាគរយគ្មានធានារ៉ាប់រង");
    public static readonly Text Firms = new("Firms", "សហគ្រាស");
    public static readonly Text UnregisteredFirms = new("Firms not registered", "សហគ្រាសមិនទាន់ចុះបញ្ជី");
    public static readonly Text ByProvince = new("By province", "តាមខេត្ត/រាជធានី");
    public static readonly Text BySector = new("By sector", "តាមវិស័យ");
    public static readonly Text Trend = new("NSSF declared workers by contribution month", "កម្មករដែលបានប្រកាសនៅ ប.ស.ស. តាមខែភាគទាន");
    public static readonly Text TrendNote = new("GDT's register holds each firm's latest return only, so the monthly trend is NSSF's; the GDT figure above is the latest.", "បញ្ជីពន្ធដាររក្សាតែលិខិតប្រកាសចុងក្រោយរបស់សហគ្រាសនីមួយៗប៉ុណ្ណោះ ដូច្នេះនិន្នាការប្រចាំខែគឺរបស់ ប.ស.ស.។ តួលេខពន្ធដារខាងលើគឺចុងក្រោយបំផុត។");
    public static readonly Text Total = new("Total", "សរុប");
    public static readonly Text Employers = new("Employers", "និយោជក");
    public static readonly Text Unknown = new("Not known", "មិនស្គាល់");

    // Admin
    public static readonly Text AccountsTitle = new("Accounts", "គណនី");
    public static readonly Text CreateAccount = new("Create an account", "បង្កើតគណនី");
    public static readonly Text DisplayName = new("Display name", "ឈ្មោះបង្ហាញ");
    public static readonly Text RolesLabel = new("Roles", "តួនាទី");
    public static readonly Text ProvinceScope = new("Province scope", "ដែនសិទ្ធិខេត្ត");
    public static readonly Text Disabled = new("Disabled", "បានបិទ");
    public static readonly Text NewPassword = new("New password", "ពាក្យសម្ងាត់ថ្មី");
    public static readonly Text PasswordRule = new("At least {0} characters.", "យ៉ាងតិច {0} តួអក្សរ។");
    public static readonly Text LastSignIn = new("Last sign-in", "ចូលប្រើចុងក្រោយ");
    public static readonly Text Edit = new("Edit", "កែប្រែ");
    public static readonly Text AuditTitle = new("Audit log", "កំណត់ហេតុសវនកម្ម");
    public static readonly Text Actor = new("Who", "អ្នកធ្វើ");
    public static readonly Text Action = new("Action", "សកម្មភាព");
    public static readonly Text Subject = new("Subject", "កម្មវត្ថុ");
    public static readonly Text Detail = new("Detail", "ព័ត៌មានលម្អិត");
    public static readonly Text Channel = new("Channel", "មធ្យោបាយ");
    public static readonly Text From = new("From", "ពី");
    public static readonly Text To = new("To", "ដល់");
    public static readonly Text Verify = new("Verify the chain", "ផ្ទៀងផ្ទាត់ខ្សែសង្វាក់");
    public static readonly Text ChainIntact = new("The chain of {0} entries is intact (head {1}).", "ខ្សែសង្វាក់នៃកំណត់ត្រា {0} នៅដដែល (ចុងក្រោយ {1})។");
    public static readonly Text ChainBroken = new("The chain is broken: {0} problem(s).", "ខ្សែសង្វាក់ត្រូវបានកែប្រែ៖ បញ្ហា {0}។");
    public static readonly Text Older = new("Older entries", "កំណត់ត្រាចាស់ជាងនេះ");

    // Roles
    public static readonly Text RoleLicensing = new("Licensing", "អាជ្ញាប័ណ្ណ");
    public static readonly Text RoleRegistration = new("Registration", "ការចុះបញ្ជី");
    public static readonly Text RoleInspection = new("Inspection", "អធិការកិច្ច");
    public static readonly Text RoleMatching = new("Matching", "ការផ្គូផ្គង");
    public static readonly Text RoleOperations = new("Operations", "ប្រតិបត្តិការ");
    public static readonly Text RoleAdmin = new("Administration", "រដ្ឋបាលប្រព័ន្ធ");
}
