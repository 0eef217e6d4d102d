// The Azure set-up: a Function App (.NET isolated worker, src/Functions) with a system-assigned managed identity,
// a Storage account for the landing and raw zones (and the Functions runtime), a PostgreSQL flexible server, and a
// Key Vault holding every secret; the app reads them through Key Vault references, never as plain settings.
//
//   az deployment group create -g <rg> -f infra/main.bicep -p name=integration-prod pgAdminPassword=<secret>
//   dotnet publish src/Functions -c Release -o infra/publish && (cd infra/publish && zip -r ../app.zip .)
//   az functionapp deployment source config-zip -g <rg> -n integration-prod-func --src infra/app.zip
//
// Then put the secrets in the vault (names below) and restart the app. docs/deployment.md explains each setting.

@description('Prefix of every resource name, e.g. integration-prod.')
param name string

param location string = resourceGroup().location

@description('PostgreSQL administrator login; the password goes into the vault as well.')
param pgAdminLogin string = 'integration'

@secure()
param pgAdminPassword string

@description('Elastic Premium plan: timers may run for up to two hours (host.json functionTimeout); Consumption stops at 10 minutes.')
param planSku string = 'EP1'

var storageName = toLower(replace('${name}st', '-', ''))
var settings = loadJsonContent('functionapp.settings.json')

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take(storageName, 24)
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: true // the Functions runtime's own AzureWebJobsStorage; the app's zones use the managed identity
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource landing 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: settings.Storage__Azure__LandingContainer
}

resource raw 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: settings.Storage__Azure__RawContainer
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${name}-kv', 24)
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: '${name}-pg'
  location: location
  sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }
  properties: {
    version: '16'
    administratorLogin: pgAdminLogin
    administratorLoginPassword: pgAdminPassword
    storage: { storageSizeGB: 64 }
    backup: { backupRetentionDays: 14, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2023-12-01-preview' = {
  parent: postgres
  name: 'integration'
}

// Npgsql connection string, kept in the vault; the app sees it only as a Key Vault reference.
resource dbSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-connection-string'
  properties: {
    value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=integration;Username=${pgAdminLogin};Password=${pgAdminPassword};SSL Mode=Require'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  sku: { name: planSku, tier: 'ElasticPremium' }
  kind: 'elastic'
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: '${name}-func'
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOTNET-ISOLATED|10.0'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

// Every setting of functionapp.settings.json (schedules, storage kind, managed identity), plus what names resources
// of this deployment and the Key Vault references for secrets, including each pull source's credential.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: app
  name: 'appsettings'
  properties: union(settings, {
    AzureWebJobsStorage: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
    Storage__Azure__ServiceUri: storage.properties.primaryEndpoints.blob
    Database__ConnectionString: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${dbSecret.name})'
    'Pull__Sources__moc-licences__ApiKey': '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=pull-moc-licences-api-key)'
    'Pull__Sources__gdt-taxpayers__ApiKey': '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=pull-gdt-taxpayers-api-key)'
    'Pull__Sources__nssf-employers__ApiKey': '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=pull-nssf-api-key)'
    'Pull__Sources__nssf-contributions__ApiKey': '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=pull-nssf-api-key)'
    'Pull__Sources__nssf-inspections__ApiKey': '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=pull-nssf-api-key)'
  })
}

// The app's identity reads the vault's secrets and reads/writes the landing and raw containers; nothing else.
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource vaultAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, app.id, keyVaultSecretsUser)
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

resource blobAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, app.id, storageBlobDataContributor)
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
  }
}

output functionApp string = app.name
output vaultName string = vault.name
