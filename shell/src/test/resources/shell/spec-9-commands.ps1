# The commands of spec §9, verbatim, in the order the spec lists them.
Add-MailboxPermission -Identity "Terry Adams" -User raymonds -AccessRights FullAccess -InheritanceType All
Add-MailboxPermission -Identity "DiscoverySearchMailbox{D919BA05-46A6-415f-80AD-7E09334BB852}" -User estherv -AccessRights FullAccess -InheritanceType All -AutoMapping $false
Add-MailboxPermission -Identity "Helpdesk Tickets" -User Helpdesk -AccessRights FullAccess -InheritanceType All
Remove-MailboxPermission -Identity ayla -User "Jim Hance" -AccessRights FullAccess -InheritanceType All
Get-MailboxPermission "Helpdesk Tickets" | where {$_.AccessRights -like 'Full*'} | Format-Table -Auto User,Deny,IsInherited,AccessRights
Get-Recipient -Identity helpdesk@contoso.com | Format-List Name,DistinguishedName
Add-ADPermission -Identity "Helpdesk Support Team" -User Helpdesk -ExtendedRights "Send As"
Remove-ADPermission -Identity "James Alvord" -User pilarp -ExtendedRights "Send As"
Get-ADPermission -Identity "Terry Adams" | where {$_.ExtendedRights -like 'Send*'} | Format-Table -Auto User,Deny,ExtendedRights
Add-RecipientPermission -Identity "Contoso Printer Support" -Trustee "Printer Support" -AccessRights SendAs
Remove-RecipientPermission -Identity "Yan Li" -Trustee "Karen Toh" -AccessRights SendAs
Get-RecipientPermission -Identity "Help Desk" -Trustee "Ayla Kol"
Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh
Set-Mailbox "Contoso Executives" -GrantSendOnBehalfTo @{Add="tempassistants@contoso.com"}
Set-DistributionGroup -Identity printersupport@contoso.com -GrantSendOnBehalfTo sarad
Set-DynamicDistributionGroup "All Employees" -GrantSendOnBehalfTo @{Remove="Administrator"}
Get-Mailbox -Identity "Contoso Executives" | Format-List GrantSendOnBehalfTo
